namespace SocialReport.Core.Delivery;

/// <summary>
/// A running broadcast's counts for its progress reports, counted once from the ledger and then kept from the runner's
/// own answers: counting the ledger walks one index entry per row, 100 000 of them every
/// <see cref="DeliveryOptions.ProgressInterval"/> for a large audience. The broadcast's final counts still come from the ledger.
/// A move and a read take one lock: a report never sees a row taken from one state and not yet added to the other
/// (its total one short: seen on a clean-clone run).
/// </summary>
internal sealed class ProgressTally(DeliveryCounts start)
{
    private readonly Lock _gate = new();
    private readonly int[] _counts = [start.Pending, start.Sent, start.Failed, start.Blocked, start.Gone, start.Skipped];

    public DeliveryCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new(_counts[(int)DeliveryState.Pending], _counts[(int)DeliveryState.Sent], _counts[(int)DeliveryState.Failed],
                    _counts[(int)DeliveryState.Blocked], _counts[(int)DeliveryState.Gone], _counts[(int)DeliveryState.Skipped]);
            }
        }
    }

    /// <summary>A row the runner wrote went from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Moved(DeliveryState from, DeliveryState to)
    {
        if (from == to) return;
        lock (_gate)
        {
            _counts[(int)from]--;
            _counts[(int)to]++;
        }
    }
}
