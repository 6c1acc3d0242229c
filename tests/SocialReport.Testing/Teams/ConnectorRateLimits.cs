namespace SocialReport.Testing.Teams;

public enum RateLimitMode
{
    /// <summary>Over a limit: answer 429 with <c>Retry-After</c>, record the violation, deliver nothing.</summary>
    Enforce,
    /// <summary>Over a limit: record the violation but deliver the message (to measure a sender without slowing it).</summary>
    RecordOnly,
    Off,
}

public enum RateLimitKind
{
    /// <summary>One bot in one conversation (a personal chat, a group chat, a channel thread).</summary>
    PerConversation,
    /// <summary>One app in one tenant, every connector request counted.</summary>
    PerTenant,
}

/// <summary>At most <paramref name="Limit"/> requests in any sliding window of <paramref name="Window"/>.</summary>
public readonly record struct RateLimit(int Limit, TimeSpan Window)
{
    public override string ToString() => $"{Limit}/{Window.TotalSeconds:0.###}s";
}

/// <summary>The Bot Connector's throttling, counted when each request arrives. The defaults are Teams' own figures.</summary>
public sealed record ConnectorRateLimits
{
    /// <summary>Messages one bot posts or updates in one conversation: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour.</summary>
    public IReadOnlyList<RateLimit> PerConversation { get; init; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>About 50 requests per second for one app in one tenant.</summary>
    public IReadOnlyList<RateLimit> PerTenant { get; init; } = [new(50, TimeSpan.FromSeconds(1))];

    public RateLimitMode Mode { get; init; } = RateLimitMode.Enforce;

    public static ConnectorRateLimits Teams { get; } = new();

    public static ConnectorRateLimits RecordOnly { get; } = new() { Mode = RateLimitMode.RecordOnly };

    public static ConnectorRateLimits Off { get; } = new() { Mode = RateLimitMode.Off };
}

/// <summary>A request that arrived over a limit; <paramref name="Key"/> is the conversation or the tenant whose window was full.</summary>
public sealed record LimitViolation(RateLimitKind Kind, RateLimit Limit, string Key, string? ConversationId, string TenantId, DateTimeOffset At, int RetryAfterSeconds);
