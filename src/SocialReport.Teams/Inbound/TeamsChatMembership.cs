namespace SocialReport.Teams.Inbound;

/// <summary>
/// What Teams tells of its chats. A Teams app is installed in a team by someone allowed to add apps there, and the
/// Bot API does not say who owns a team: anyone who can mention the bot in a chat where it is installed may
/// (un)subscribe that chat. Teams chats have no public names to resolve.
/// </summary>
internal sealed class TeamsChatMembership : IChatMembership
{
    public string Channel => TeamsActivityParser.Channel;

    public Task<bool> IsAdminAsync(ChatKey chat, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(chat.Channel == Channel);

    public Task<ResolvedChat?> ResolveAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<ResolvedChat?>(null);
}
