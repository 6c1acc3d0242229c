using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

public enum DeliveryState
{
    /// <summary>Not confirmed by the platform yet: sent (again) by the runner, including after a crash.</summary>
    Pending,
    /// <summary>The platform confirmed it.</summary>
    Sent,
    /// <summary>Retries exhausted, or the platform refused the content.</summary>
    Failed,
    Blocked,
    Gone,
    /// <summary>The reader unsubscribed after the broadcast started, or the channel's adapter was off when it resumed.</summary>
    Skipped,
}

/// <summary>One subscriber of one broadcast.</summary>
public sealed record DeliveryRow
{
    public required string BroadcastId { get; init; }
    public required ChatKey Chat { get; init; }
    public string Channel => Chat.Channel;
    public DeliveryState State { get; init; }
    /// <summary>Sends that got an answer other than "too many requests".</summary>
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    /// <summary>The platform's id of the message, once sent.</summary>
    public string? MessageId { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
