using System.Globalization;

namespace SocialReport.Testing.Telegram;

/// <summary>How the fake Bot API server behaves. The defaults are Telegram's own figures.</summary>
public sealed record FakeTelegramOptions
{
    /// <summary>The only token the server accepts; any other well-formed token gets 401 Unauthorized.</summary>
    public string Token { get; init; } = "7000000001:FakeTokenForLoopbackTests";

    public string BotUsername { get; init; } = "SocialReportBot";

    public string BotName { get; init; } = "The Social Report";

    public FakeRateLimits RateLimits { get; init; } = FakeRateLimits.Telegram;

    /// <summary>Clock for message dates, rate-limit windows, long-poll timeouts and webhook retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Telegram keeps a lone <c>&amp;</c> or <c>&gt;</c> (and <c>&amp;lt</c> without its semicolon) as text.
    /// The fake refuses them by default with a "can't parse entities" error, because in a rendered message they
    /// mean untrusted text went out unescaped — a bug Telegram would hide until the text happened to contain
    /// <c>&amp;lt;</c>. Turn off to get Telegram's exact leniency.
    /// </summary>
    public bool StrictEscaping { get; init; } = true;

    /// <summary>Deliveries of one update before the fake gives up on it (Telegram retries for hours).</summary>
    public int WebhookMaxAttempts { get; init; } = 5;

    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Telegram only accepts https webhooks; the fake accepts http on loopback unless this is set.</summary>
    public bool RequireHttpsWebhook { get; init; }

    /// <summary>
    /// The network between the bot and Telegram: each Bot API request waits a random time in this range before it
    /// arrives (is counted against the limits, recorded and answered). Null: no delay.
    /// </summary>
    public (TimeSpan Min, TimeSpan Max)? NetworkDelay { get; init; }

    public long BotId => long.Parse(Token[..Token.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
}

public enum RateLimitMode
{
    /// <summary>Over a limit: answer 429 with retry_after and record the violation.</summary>
    Enforce,
    /// <summary>Over a limit: record the violation but deliver the message (to measure a sender without slowing it).</summary>
    RecordOnly,
    Off,
}

public enum RateLimitKind { PerChat, PerGroup, Overall }

/// <summary>At most <paramref name="Limit"/> messages in any sliding window of <paramref name="Window"/>.</summary>
public readonly record struct RateLimit(int Limit, TimeSpan Window);

/// <summary>Flood limits on messages the bot sends (and edits, unless <see cref="CountEdits"/> is off).</summary>
public sealed record FakeRateLimits
{
    /// <summary>About one message a second to one chat, short bursts tolerated.</summary>
    public RateLimit? PerChat { get; init; } = new(3, TimeSpan.FromSeconds(3));

    /// <summary>Twenty messages a minute to one group, supergroup or channel.</summary>
    public RateLimit? PerGroup { get; init; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Thirty messages a second for the whole bot.</summary>
    public RateLimit? Overall { get; init; } = new(30, TimeSpan.FromSeconds(1));

    /// <summary>Messages sent with <c>allow_paid_broadcast</c>: up to a thousand a second for the whole bot, paid in Stars,
    /// counted apart from <see cref="Overall"/>.</summary>
    public RateLimit? PaidOverall { get; init; } = new(1000, TimeSpan.FromSeconds(1));

    public RateLimitMode Mode { get; init; } = RateLimitMode.Enforce;

    public bool CountEdits { get; init; } = true;

    public static FakeRateLimits Telegram { get; } = new();

    public static FakeRateLimits Off { get; } = new() { Mode = RateLimitMode.Off };
}
