using System.Text.Json;
using SocialReport.Core.Editions;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;

namespace SocialReport.Teams.Outbound;

/// <summary>
/// Delivers an edition to a stored Teams conversation: a new thread in a team's channel, a message in a personal or
/// group chat. <see cref="DeliveryMode.Edition"/> is one Adaptive Card whose stories unfold in place;
/// <see cref="DeliveryMode.Cards"/> is the cover then one card per story (in a channel, as replies in the thread).
/// Once the cover is out the delivery counts as sent, as on Telegram: a story that keeps failing is given up rather
/// than the whole edition (cover included) sent again by the broadcast.
/// </summary>
internal sealed class TeamsEditionSender(
    ConnectorClient connector,
    TeamsCardRenderer renderer,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsEditionSender> logger,
    Following? following = null) : IEditionSender
{
    /// <summary>Between the cards of one edition: Teams allows a bot 8 messages per 2 s in one conversation.</summary>
    public static readonly TimeSpan CardInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a throttled card after the cover is waited for before the rest of the edition is given up.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private const int AttemptsPerCard = 3;

    public string Channel => TeamsActivityParser.Channel;

    /// <summary>Off without an app id (nor <see cref="TeamsOptions.AllowUnauthenticated"/>): broadcasts then leave Teams' subscribers out.</summary>
    public bool IsEnabled => options.Value.Enabled;

    /// <summary>The conversation's tenant: Teams allows an app about 50 requests per second in each tenant.</summary>
    public string? PacingGroup(Chat chat)
    {
        try
        {
            return ConversationReference.FromJson(chat.Address)?.TenantId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        ConversationReference? reference;
        try
        {
            reference = ConversationReference.FromJson(chat.Address);
        }
        catch (JsonException)
        {
            return new SendOutcome.Rejected("the chat's conversation reference is not readable");
        }
        if (reference is null)
            return new SendOutcome.Gone("no conversation reference stored: the app was never installed there");

        var cut = following?.Cut(chat, edition) ?? EditionCut.Whole(edition);
        var cover = CardFactory.Broadcast(cut, chat.Language);
        var stories = CardFactory.BroadcastStories(cut, chat.Language);
        if (mode == DeliveryMode.Edition)
            return await connector.PostAsync(reference, reference.Apply(TeamsActivities.ForEdition(renderer, cover, stories)), cancellationToken);

        var first = reference.Apply(TeamsActivities.ForCards([renderer.Render(cover)]));
        string conversationId;
        SendOutcome sent;
        if (reference.IsChannel && reference.TeamsChannelId is { } channel)
        {
            var thread = await connector.CreateChannelThreadAsync(reference.ServiceUrl, channel, reference.TenantId, first, cancellationToken);
            if (!thread.Succeeded)
                return thread.Outcome;
            (conversationId, sent) = (thread.Value!.Id, thread.Outcome);
        }
        else
        {
            sent = await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, first, cancellationToken);
            if (sent is not SendOutcome.Sent)
                return sent;
            conversationId = reference.ConversationId;
        }

        var ids = new List<string> { ((SendOutcome.Sent)sent).MessageId };
        foreach (var story in stories)
        {
            await Task.Delay(CardInterval, time, cancellationToken);
            var outcome = await SendAfterCoverAsync(reference.ServiceUrl, conversationId, reference.Apply(TeamsActivities.ForCards([renderer.Render(story)])), cancellationToken);
            switch (outcome)
            {
                case SendOutcome.Sent card:
                    // In a channel the stories are replies in the cover's thread: their conversation is the thread's.
                    ids.Add(conversationId == reference.ConversationId ? card.MessageId : $"{conversationId}{ThreadSeparator}{card.MessageId}");
                    continue;
                case SendOutcome.Blocked or SendOutcome.Gone:
                    return outcome;
                case SendOutcome.Rejected:
                    logger.TeamsStoryRefused(edition.Id, chat.Key, story.Number, outcome);
                    continue;
                default:
                    // The cover is out: sending the edition again would repeat it (in a team, as a new thread).
                    logger.TeamsEditionStopped(edition.Id, chat.Key, story.Number, outcome);
                    return ((SendOutcome.Sent)sent) with { MessageIds = ids };
            }
        }
        return ((SendOutcome.Sent)sent) with { MessageIds = ids };
    }

    /// <summary>Between a thread's conversation id and an activity id in a recorded message id.</summary>
    private const char ThreadSeparator = '|';

    /// <summary>DELETE of the activity in its conversation; Teams sets no time limit.</summary>
    public async Task<DeleteOutcome> DeleteAsync(Chat chat, string messageId, CancellationToken cancellationToken)
    {
        ConversationReference? reference;
        try
        {
            reference = ConversationReference.FromJson(chat.Address);
        }
        catch (JsonException)
        {
            reference = null;
        }
        if (reference is null) return new DeleteOutcome.Refused(RecallState.Forbidden, "no conversation reference stored");
        var separator = messageId.LastIndexOf(ThreadSeparator);
        var (conversationId, activityId) = separator > 0 ? (messageId[..separator], messageId[(separator + 1)..]) : (reference.ConversationId, messageId);
        return await connector.DeleteAsync(reference.ServiceUrl, conversationId, activityId, cancellationToken) switch
        {
            SendOutcome.Sent => new DeleteOutcome.Deleted(),
            SendOutcome.RetryAfter wait => new DeleteOutcome.RetryAfter(wait.Delay),
            SendOutcome.Transient fault => new DeleteOutcome.Transient(fault.Reason),
            SendOutcome.Rejected { Reason: var reason } when reason.StartsWith("404", StringComparison.Ordinal) => new DeleteOutcome.Refused(RecallState.NotFound, reason),
            SendOutcome.Rejected { Reason: var reason } => new DeleteOutcome.Refused(RecallState.Forbidden, reason),
            SendOutcome.Blocked { Reason: var reason } => new DeleteOutcome.Refused(RecallState.Forbidden, reason),
            SendOutcome.Gone { Reason: var reason } => new DeleteOutcome.Refused(RecallState.NotFound, reason),
            var other => new DeleteOutcome.Refused(RecallState.Failed, other.ToString()),
        };
    }

    /// <summary>
    /// Once the cover is out, a throttled or failing card is tried again here, a few times, rather than making the
    /// broadcast send the whole edition again.
    /// </summary>
    private async Task<SendOutcome> SendAfterCoverAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var outcome = await connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
        for (var attempt = 1; attempt < AttemptsPerCard; attempt++)
        {
            var wait = outcome switch
            {
                SendOutcome.RetryAfter { Delay: var delay } => delay,
                SendOutcome.Transient => TimeSpan.FromSeconds(attempt),
                _ => TimeSpan.MaxValue,
            };
            if (wait > MaxInlineWait) break;
            await Task.Delay(wait, time, cancellationToken);
            outcome = await connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
        }
        return outcome;
    }
}
