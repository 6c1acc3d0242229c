namespace SocialReport.Telegram;

// Public: the end-to-end tests take it as a theory parameter, which xunit wants public.
public enum TelegramMode { Polling, Webhook }

/// <summary>Configuration section <c>Telegram</c>. Without a token the adapter stays off.</summary>
internal sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>From BotFather: <c>&lt;digits&gt;:&lt;secret&gt;</c>. Never logged.</summary>
    public string BotToken { get; set; } = "";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public https address Telegram posts updates to (Webhook mode); its path is the endpoint's.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1–256 characters of A-Z, a-z, 0-9, _ and -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The Bot API server: Telegram's, a self-hosted one, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How long one getUpdates call waits for updates (long polling).</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Updates received and not yet handled; the webhook answers 503 beyond it so that Telegram retries later.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Chats handled at the same time; one chat's updates are always handled one after the other.</summary>
    public int MaxConcurrentChats { get; set; } = 32;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) ? url.AbsolutePath : "/telegram/webhook";
}
