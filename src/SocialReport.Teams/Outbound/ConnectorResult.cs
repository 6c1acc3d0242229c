namespace SocialReport.Teams.Outbound;

/// <summary>A connector answer with a value: the value when <see cref="Outcome"/> is <see cref="SendOutcome.Sent"/>, else null.</summary>
internal sealed record ConnectorResult<T>(SendOutcome Outcome, T? Value) where T : class
{
    public bool Succeeded => Outcome is SendOutcome.Sent && Value is not null;
}

/// <summary>A conversation the bot started: for a channel, a new thread (<c>19:…;messageid=…</c>) and its first message.</summary>
internal sealed record NewConversation(string Id, string? ActivityId);

/// <summary>A channel of a team; the General channel's id is the team's id.</summary>
internal sealed record TeamChannel(string Id, string? Name);
