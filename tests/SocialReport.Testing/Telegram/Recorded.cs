namespace SocialReport.Testing.Telegram;

/// <summary>A message the bot sent or edited, as the fake received it.</summary>
/// <param name="Method">sendMessage, editMessageText or sendDocument.</param>
/// <param name="Text">The text (or caption) exactly as sent, markup included.</param>
/// <param name="PlainText">What the reader sees: the text after entity parsing, trimmed.</param>
/// <param name="DisableNotification">Sent with disable_notification: the reader's phone stays silent.</param>
public sealed record BotMessage(
    long ChatId,
    int MessageId,
    string Method,
    string Text,
    string? ParseMode,
    string PlainText,
    IReadOnlyList<TextEntity> Entities,
    IReadOnlyList<IReadOnlyList<FakeButton>> Buttons,
    string? ReplyMarkupJson,
    string? LinkPreviewOptionsJson,
    int? ReplyToMessageId,
    string? DocumentFileName,
    DateTimeOffset At,
    bool DisableNotification = false)
{
    public bool IsEdit => Method == "editMessageText";

    /// <summary>Sent with <c>allow_paid_broadcast</c>.</summary>
    public bool PaidBroadcast { get; init; }

    public IEnumerable<FakeButton> AllButtons => Buttons.SelectMany(row => row);
}

public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, DateTimeOffset At);

/// <summary>A message that broke a flood limit (answered 429 unless the limits only record).</summary>
public sealed record LimitViolation(RateLimitKind Kind, long ChatId, string Method, int RetryAfter, DateTimeOffset At);

/// <summary>One POST of an update to the webhook.</summary>
public sealed record WebhookDelivery(long UpdateId, int Attempt, int? StatusCode, string? Error, DateTimeOffset At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

public sealed record WebhookState(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, int MaxConnections);

/// <summary>An update the test queued for the bot.</summary>
/// <param name="Queued">False when the bot's allowed_updates exclude its type: Telegram does not even create it.</param>
public sealed record FakeUpdate(long UpdateId, string Type, long ChatId, int? MessageId, string? CallbackQueryId, bool Queued);

public sealed record RegisteredCommand(string Command, string Description);

/// <summary>A BotCommandScope: default, all_private_chats, all_group_chats, all_chat_administrators, chat, chat_administrators, chat_member.</summary>
public sealed record CommandScope(string Type, long? ChatId = null, long? UserId = null)
{
    public static CommandScope Default { get; } = new("default");
}

public sealed record FakeUser(long Id, string FirstName, string? Username = null, string? LanguageCode = null, bool IsBot = false);
