using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A command as a channel adapter hands it to the engine: who said what, where.</summary>
public sealed record Inbound
{
    public required ChatKey Chat { get; init; }
    public required ChatKind ChatKind { get; init; }
    public string? ChatTitle { get; init; }
    public required Sender Sender { get; init; }
    /// <summary>The text as typed (or the command a button carries); mentions of the bot already stripped.</summary>
    public required string Text { get; init; }
    /// <summary>A file sent with the command: an edition for /publish.</summary>
    public Attachment? Attachment { get; init; }
    /// <summary>True when a button was tapped: navigation replies then edit the message in place.</summary>
    public bool FromButton { get; init; }
    /// <summary>The longest text one message of this channel can hold, for full-story parts.</summary>
    public int MaxMessageChars { get; init; } = 3500;
    /// <summary>
    /// What the channel needs to reach this chat later, from where the command was typed (a Teams conversation
    /// reference); stored as the chat's address when it subscribes. Null when the chat id is enough (Telegram).
    /// </summary>
    public string? Address { get; init; }
    /// <summary>
    /// How the bot is called where a command must mention it (a Teams channel or group chat: <c>@SocialReport</c>);
    /// null where commands are typed as they are. Hints on how to subscribe then say <c>@SocialReport subscribe</c>.
    /// </summary>
    public string? Mention { get; init; }
    /// <summary>What the chat sees in /help for channel-specific extras, e.g. Telegram's /subscribe @channel.</summary>
    public string? Channel => Chat.Channel;
}

/// <param name="Id">The sender's id on the channel (Telegram user id, Entra object id, console name).</param>
/// <param name="LanguageHint">The platform's user language (e.g. "fr-FR"), used until the chat chooses one.</param>
public sealed record Sender(string Id, string? Name = null, string? LanguageHint = null);

public sealed record Attachment(string FileName, byte[] Content);
