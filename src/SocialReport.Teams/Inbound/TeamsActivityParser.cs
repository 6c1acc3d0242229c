using System.Text.Json;
using System.Text.RegularExpressions;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Inbound;

/// <summary>Turns a validated Teams activity into what the command engine reads.</summary>
internal static partial class TeamsActivityParser
{
    public const string Channel = "teams";

    /// <summary>Teams takes about 100 KB of UTF-16 a message; a full-story part this long leaves room for the card around it.</summary>
    public const int MaxMessageChars = 15_000;

    /// <summary>The chat id prefix of a team: every channel of one team is one subscriber.</summary>
    public const string TeamPrefix = "team:";

    /// <summary>
    /// The chat an activity belongs to. A team is one chat, <c>team:{teamId}</c>, whichever of its channels the
    /// activity came from: its subscription is one, posted in one channel (the chat's address), and
    /// <c>subscribe</c> typed in another channel moves it there. Personal and group chats are keyed on their
    /// conversation id.
    /// </summary>
    public static ChatKey ChatKeyOf(Activity activity) =>
        TeamsConversation.TypeOf(activity) == "channel" && activity.ChannelData?.Team?.Id is { Length: > 0 } team
            ? TeamKey(team)
            : new(Channel, TeamsConversation.IdOf(activity) ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)));

    public static ChatKey TeamKey(string teamId) => new(Channel, TeamPrefix + teamId);

    public static ChatKind ChatKindOf(Activity activity) => TeamsConversation.TypeOf(activity) switch
    {
        "channel" => ChatKind.Channel,
        "groupChat" => ChatKind.Group,
        _ => ChatKind.Private,
    };

    /// <summary>What a bare mention of the bot asks for: what it can do.</summary>
    public const string BareMentionCommand = "/help";

    /// <summary>
    /// A command typed in a message (bot mention removed) or carried by a card button (<c>value.command</c> of an
    /// Action.Submit, <c>value.action.data.command</c> of an Action.Execute); null when the activity holds neither.
    /// A message that only mentions the bot is <see cref="BareMentionCommand"/>.
    /// </summary>
    public static Core.Commands.Inbound? ToInbound(Activity activity)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke) || activity.Conversation?.Id is null || activity.From?.Id is null)
            return null;

        var buttonCommand = ButtonCommand(activity.Value);
        var text = buttonCommand ?? (activity.Type == ActivityTypes.Message ? StripMentions(activity) : null);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (buttonCommand is not null || activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
                return null;
            // Something was typed, and it was all mentions of the bot.
            text = BareMentionCommand;
        }

        var kind = ChatKindOf(activity);
        return new Core.Commands.Inbound
        {
            Chat = ChatKeyOf(activity),
            ChatKind = kind,
            // Outside a personal chat Teams hands the bot only the messages that mention it.
            Mention = kind == ChatKind.Private ? null : "@" + BotNameOf(activity),
            ChatTitle = ChatTitleOf(activity),
            Sender = new Sender(activity.From.AadObjectId ?? activity.From.Id, activity.From.Name, activity.Locale),
            Text = text.Trim(),
            FromButton = buttonCommand is not null,
            MaxMessageChars = MaxMessageChars,
            Address = ConversationReference.FromActivity(activity)?.ToJson(),
        };
    }

    /// <summary>The bot's name in Teams, as users mention it.</summary>
    public static string BotNameOf(Activity activity) => activity.Recipient?.Name is { Length: > 0 } name ? name : "SocialReport";

    /// <summary>The team's name for a team (the chat is the team), else the conversation's.</summary>
    public static string? ChatTitleOf(Activity activity) =>
        ChatKeyOf(activity).Id.StartsWith(TeamPrefix, StringComparison.Ordinal)
            ? activity.ChannelData?.Team?.Name ?? activity.ChannelData?.Channel?.Name
            : activity.Conversation?.Name ?? activity.ChannelData?.Channel?.Name ?? activity.ChannelData?.Team?.Name;

    /// <summary>The text without the bot's <c>&lt;at&gt;…&lt;/at&gt;</c> mentions, non-breaking spaces made plain, trimmed.</summary>
    public static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type == "mention" && mention.Mentioned?.Id == botId && !string.IsNullOrEmpty(mention.Text))
                text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
        }
        // Some clients send the mention without its entity: a leading <at>…</at> can only address the bot.
        text = LeadingMention().Replace(text, " ");
        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00A0', ' ').Trim();
    }

    private static string? ButtonCommand(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
            return null;
        if (data.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String)
            return command.GetString();
        if (data.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var actionData) && actionData.ValueKind == JsonValueKind.Object
            && actionData.TryGetProperty("command", out var executed) && executed.ValueKind == JsonValueKind.String)
            return executed.GetString();
        return null;
    }

    [GeneratedRegex(@"^\s*<at>[^<]*</at>")]
    private static partial Regex LeadingMention();
}
