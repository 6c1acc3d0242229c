namespace SocialReport.Core.Delivery;

/// <summary>Where a broadcast stands; the adapters render it.</summary>
public sealed record BroadcastProgress
{
    public required string BroadcastId { get; init; }
    public required string EditionId { get; init; }
    public required BroadcastState State { get; init; }
    public required DeliveryCounts Counts { get; init; }
    /// <summary>Deliveries finished per second over the last few seconds (the whole run once it is finished).</summary>
    public double Rate { get; init; }
    /// <summary>Time left at <see cref="Rate"/>; null when nothing moves or nothing is left.</summary>
    public TimeSpan? Eta { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>"Too many requests" answers (429) so far.</summary>
    public int Throttled { get; init; }
    /// <summary>Of <see cref="Remaining"/>, those not due yet: readers in their quiet hours, or a retry later.</summary>
    public int Waiting { get; init; }

    public int Sent => Counts.Sent;
    public int Failed => Counts.Failed;
    public int Blocked => Counts.Blocked;
    public int Gone => Counts.Gone;
    public int Skipped => Counts.Skipped;
    public int Remaining => Counts.Pending;
    public int Total => Counts.Total;

    /// <summary>A snapshot from the ledger's counts; <paramref name="rate"/> null means the average since the start.</summary>
    public static BroadcastProgress Of(BroadcastRecord broadcast, DeliveryCounts counts, DateTimeOffset now, double? rate = null)
    {
        var start = broadcast.StartedAt ?? broadcast.CreatedAt;
        var elapsed = (broadcast.FinishedAt ?? now) - start;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        var speed = rate ?? (elapsed > TimeSpan.Zero ? counts.Done / elapsed.TotalSeconds : 0);
        TimeSpan? eta = counts.Pending > 0 && speed > 0 && !broadcast.IsFinished
            ? TimeSpan.FromSeconds(Math.Min(counts.Pending / speed, TimeSpan.FromDays(30).TotalSeconds))
            : null;
        return new BroadcastProgress
        {
            BroadcastId = broadcast.Id,
            EditionId = broadcast.EditionId,
            State = broadcast.State,
            Counts = counts,
            Rate = speed,
            Eta = eta,
            Elapsed = elapsed,
            Throttled = broadcast.Throttled,
        };
    }
}
