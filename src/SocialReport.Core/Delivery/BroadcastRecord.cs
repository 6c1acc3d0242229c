namespace SocialReport.Core.Delivery;

public enum BroadcastState
{
    /// <summary>Its delivery rows are being written; a crash here is finished at start-up.</summary>
    Preparing,
    Running,
    /// <summary>Stopped by an editor: what was sent stays sent.</summary>
    Cancelled,
    Completed,
    /// <summary>A canary's share of the audience got it: waits for /confirm (the rest) or /recall.</summary>
    CanaryDone,
}

/// <summary>Whether the messages a broadcast sent are being taken back (<c>/recall</c>).</summary>
public enum BroadcastRecall { None, Running, Done }

/// <summary>One broadcast of an edition to every subscriber not yet served (or to all of them when forced).</summary>
public sealed record BroadcastRecord
{
    /// <summary>The edition and a sequence number: <c>2020-03-06#1</c>.</summary>
    public required string Id { get; init; }
    public required string EditionId { get; init; }
    public bool Force { get; init; }
    public DeliveryMode Mode { get; init; }
    /// <summary>Who asked: <c>telegram:1234</c>, <c>schedule</c>…</summary>
    public required string RequestedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public BroadcastState State { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? ScheduleId { get; init; }
    /// <summary>How many times a platform answered "too many requests" (429).</summary>
    public int Throttled { get; init; }
    /// <summary>The counts when it was completed or cancelled.</summary>
    public DeliveryCounts? Final { get; init; }
    /// <summary>A canary: the share of the audience (1–50 %) sent first, before a /confirm sends the rest.</summary>
    public int? CanaryPercent { get; init; }
    /// <summary>The canary was confirmed: the broadcast goes on to the whole audience.</summary>
    public bool CanaryConfirmed { get; init; }
    public BroadcastRecall Recall { get; init; }

    /// <summary>A canary still sending (or about to send) its sample only.</summary>
    public bool InCanary => CanaryPercent is not null && !CanaryConfirmed;

    public bool IsFinished => State is BroadcastState.Cancelled or BroadcastState.Completed;

    /// <summary>The <paramref name="number"/>th broadcast of an edition, as every ledger creates it: its rows not written yet.</summary>
    public static BroadcastRecord Preparing(string editionId, int number, bool force, DeliveryMode mode, string requestedBy, string? scheduleId, DateTimeOffset now) => new()
    {
        Id = $"{editionId}#{number}",
        EditionId = editionId,
        Force = force,
        Mode = mode,
        RequestedBy = requestedBy,
        CreatedAt = now,
        State = BroadcastState.Preparing,
        ScheduleId = scheduleId,
    };
}
