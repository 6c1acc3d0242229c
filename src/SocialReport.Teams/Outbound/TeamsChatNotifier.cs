using System.Text.Json;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;

namespace SocialReport.Teams.Outbound;

/// <summary>
/// Status messages in Teams conversations (a broadcast's progress): posted once as a proactive message to the
/// conversation reference stored for the chat, then updated in place. In a team that is a new thread in the channel
/// the team's subscription posts to. Connector failures are logged by the client and never thrown.
/// </summary>
internal sealed class TeamsChatNotifier(
    ConnectorClient connector,
    TeamsCardRenderer renderer,
    IChatStore chats,
    IOptions<TeamsOptions> options,
    ILogger<TeamsChatNotifier> logger) : IChatNotifier
{
    /// <summary>Teams names a channel thread after its first message: <c>{channel};messageid={activity id}</c>.</summary>
    private const string ThreadSuffix = ";messageid=";

    public string Channel => TeamsActivityParser.Channel;

    public async Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken)
    {
        if (Reference(chat) is not { } reference) return null;
        var activity = reference.Apply(TeamsActivities.ForCards([renderer.Render(card)]));
        if (reference.IsChannel && reference.TeamsChannelId is { } channel)
        {
            var thread = await connector.CreateChannelThreadAsync(reference.ServiceUrl, channel, reference.TenantId, activity, cancellationToken);
            return thread.Succeeded ? thread.Value!.ActivityId ?? ActivityOfThread(thread.Value.Id) : null;
        }
        var sent = await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        return sent is SendOutcome.Sent { MessageId: { Length: > 0 } id } ? id : null;
    }

    public async Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken)
    {
        if (Reference(chat) is not { } reference) return;
        var conversationId = reference.IsChannel && reference.TeamsChannelId is { } channel ? channel + ThreadSuffix + messageId : reference.ConversationId;
        await connector.UpdateAsync(reference.ServiceUrl, conversationId, messageId, reference.Apply(TeamsActivities.ForCards([renderer.Render(card)])), cancellationToken);
    }

    private ConversationReference? Reference(ChatKey chat)
    {
        if (!options.Value.Enabled || chat.Channel != Channel) return null;
        try
        {
            if (ConversationReference.FromJson(chats.Get(chat)?.Address) is { } reference) return reference;
        }
        catch (JsonException)
        {
        }
        // Installing the app stores the reference; a chat without one cannot be written to first.
        logger.TeamsConversationReferenceMissing(chat);
        return null;
    }

    private static string? ActivityOfThread(string threadId)
    {
        var at = threadId.IndexOf(ThreadSuffix, StringComparison.Ordinal);
        return at < 0 ? null : threadId[(at + ThreadSuffix.Length)..];
    }
}
