using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocialReport.Teams.Protocol;

/// <summary>The Bot Connector's unit of exchange, with the members a Teams bot reads or sends.</summary>
internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    /// <summary><c>msteams</c> for Teams, <c>emulator</c>, <c>webchat</c>…</summary>
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    /// <summary>Plain text shown where the cards are not: notifications, the chat list, clients without cards.</summary>
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    /// <summary><c>add</c> or <c>remove</c> on an <c>installationUpdate</c>.</summary>
    public string? Action { get; init; }
    /// <summary>The invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }
    /// <summary>What an Adaptive Card button sent back (Action.Submit data, Action.Execute action).</summary>
    public JsonElement? Value { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }
    /// <summary><c>list</c> (default) or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; init; }
}

/// <summary>Activity types the bot reads or sends.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
}

internal sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary>The user's Entra object id (Teams users only).</summary>
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

internal sealed record ConversationAccount
{
    public string? Id { get; init; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? Name { get; init; }
}

/// <summary>A mention (<c>type: mention</c>), client info and the like; unknown members are kept.</summary>
internal sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    /// <summary>The mention as it appears in the text: <c>&lt;at&gt;SocialReport&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Teams' <c>channelData</c>: where the activity happened.</summary>
internal sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    /// <summary><c>teamMemberAdded</c>, <c>channelCreated</c>…</summary>
    public string? EventType { get; init; }
    /// <summary>On an install in a team: the channel the installer chose.</summary>
    public TeamsChannelDataSettings? Settings { get; init; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Teams' <c>channelData.settings</c>: <c>selectedChannel</c> is where the installer asked the app to post.</summary>
internal sealed record TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; init; }
}

internal sealed record TenantInfo(string? Id);

internal sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
}

internal sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}

internal sealed record ActivityAttachment
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public required string ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
}
