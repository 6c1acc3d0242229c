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

/// <summary>What a recall did to one row's messages.</summary>
public enum RecallState
{
    None,
    Deleted,
    /// <summary>Older than the platform lets a bot delete (Telegram: 48 hours).</summary>
    TooOld,
    NotFound,
    /// <summary>The platform refused (not admin, can't be deleted…).</summary>
    Forbidden,
    /// <summary>Retries exhausted, or the channel cannot delete.</summary>
    Failed,
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
    /// <summary>Every message the delivery put in the chat (the cover, then one per story in Cards mode), for a recall.</summary>
    public IReadOnlyList<string> MessageIds { get; init; } = [];
    /// <summary>What a <c>/recall</c> did to this row's messages; <see cref="RecallState.None"/> until it reached it.</summary>
    public RecallState Recall { get; init; }
    public string? RecallError { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
