namespace SocialReport.Core.Delivery;

public enum ScheduleState { Pending, Started, Skipped }

/// <summary>A broadcast to start at a given time: asked by an editor, or one occurrence of the configured cron.</summary>
public sealed record ScheduledBroadcast
{
    /// <summary>What <see cref="EditionId"/> holds for "the newest edition when it starts".</summary>
    public const string Latest = "latest";

    /// <summary><c>at:2020-03-06@2020-03-06T08:00Z</c>, or <c>cron:2026-11-27T08:00Z</c> for a cron occurrence.</summary>
    public required string Id { get; init; }
    public required string EditionId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string RequestedBy { get; init; }
    public bool Force { get; init; }
    public ScheduleState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The broadcast it started.</summary>
    public string? BroadcastId { get; init; }
    /// <summary>Why it was skipped.</summary>
    public string? Reason { get; init; }
}
