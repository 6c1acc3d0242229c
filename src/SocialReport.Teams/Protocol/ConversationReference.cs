namespace SocialReport.Teams.Protocol;

/// <summary>What the bot needs to reach a conversation later; stored as JSON in <c>Chat.Address</c>.</summary>
internal sealed record ConversationReference
{
    /// <summary>The connector to call for this conversation; it can differ per region and tenant.</summary>
    public required string ServiceUrl { get; init; }
    /// <summary>The conversation's id; for a channel, the channel's id (without the <c>;messageid=</c> of a thread).</summary>
    public required string ConversationId { get; init; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? TeamId { get; init; }
    /// <summary>The Teams channel (<c>19:…@thread.tacv2</c>) new threads are posted in.</summary>
    public string? TeamsChannelId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    /// <summary>The reader's Entra object id, for personal chats.</summary>
    public string? UserAadObjectId { get; init; }
    /// <summary>Who the conversation was reached through (the reader, the installer, who subscribed): the recipient of the bot's messages.</summary>
    public string? UserId { get; init; }

    public bool IsChannel => ConversationType == "channel";

    public string ToJson() => TeamsJson.Serialize(this);

    public static ConversationReference? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : TeamsJson.Deserialize<ConversationReference>(json);

    /// <summary>The reference of the conversation an inbound activity came from; null when it lacks a service URL or a conversation.</summary>
    public static ConversationReference? FromActivity(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
            return null;
        var type = TeamsConversation.TypeOf(activity);
        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ConversationId = TeamsConversation.IdOf(activity)!,
            ConversationType = type,
            TenantId = activity.ChannelData?.Tenant?.Id ?? activity.Conversation.TenantId,
            TeamId = activity.ChannelData?.Team?.Id,
            TeamsChannelId = type == "channel" ? activity.ChannelData?.Channel?.Id ?? TeamsConversation.IdOf(activity) : null,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserAadObjectId = type == "personal" ? activity.From?.AadObjectId : null,
            UserId = activity.From?.Id,
        };
    }

    /// <summary>
    /// A message the bot sends in this conversation, addressed as the Bot Framework SDKs apply a conversation reference:
    /// from the bot, to the user the conversation was reached through. The connector expects both.
    /// </summary>
    public Activity Apply(Activity activity) => activity with
    {
        From = BotId is null ? activity.From : new ChannelAccount { Id = BotId, Name = BotName },
        Recipient = UserId is null ? activity.Recipient : new ChannelAccount { Id = UserId, AadObjectId = UserAadObjectId },
    };
}
