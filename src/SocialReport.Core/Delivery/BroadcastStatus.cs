namespace SocialReport.Core.Delivery;

/// <summary>The status page's view of broadcasts, read from the ledger.</summary>
public sealed class BroadcastStatus(IDeliveryLedger ledger, BroadcastService broadcasts) : IBroadcastStatus
{
    public IReadOnlyList<BroadcastSummary> Running() => [.. ledger.Running().Select(Summary)];

    public IReadOnlyList<BroadcastSummary> Past(int take) =>
        [.. ledger.History(take + ledger.Running().Count).Where(b => b.FinishedAt is not null).Take(take).Select(Summary)];

    private BroadcastSummary Summary(BroadcastRecord broadcast)
    {
        var progress = broadcasts.Progress(broadcast.Id);
        var counts = progress?.Counts ?? DeliveryCounts.None;
        return new BroadcastSummary(broadcast.Id, broadcast.EditionId, broadcast.State.ToString().ToLowerInvariant(),
            broadcast.CreatedAt, broadcast.FinishedAt, counts.Total, counts.Sent, counts.Failed, counts.Blocked, counts.Gone,
            counts.Skipped, counts.Pending, progress?.Throttled ?? 0, progress?.Rate ?? 0);
    }
}
