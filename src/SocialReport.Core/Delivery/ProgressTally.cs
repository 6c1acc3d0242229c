namespace SocialReport.Core.Delivery;

/// <summary>
/// A running broadcast's counts for its progress reports, counted once from the ledger and then kept from the runner's
/// own answers: counting the ledger walks one index entry per row, 100 000 of them every
/// <see cref="DeliveryOptions.ProgressInterval"/> for a large audience. The broadcast's final counts still come from the ledger.
/// </summary>
internal sealed class ProgressTally(DeliveryCounts start)
{
    private readonly int[] _counts = [start.Pending, start.Sent, start.Failed, start.Blocked, start.Gone, start.Skipped];

    public DeliveryCounts Counts => new(
        Volatile.Read(ref _counts[(int)DeliveryState.Pending]), Volatile.Read(ref _counts[(int)DeliveryState.Sent]),
        Volatile.Read(ref _counts[(int)DeliveryState.Failed]), Volatile.Read(ref _counts[(int)DeliveryState.Blocked]),
        Volatile.Read(ref _counts[(int)DeliveryState.Gone]), Volatile.Read(ref _counts[(int)DeliveryState.Skipped]));

    /// <summary>A row the runner wrote went from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Moved(DeliveryState from, DeliveryState to)
    {
        if (from == to) return;
        Interlocked.Decrement(ref _counts[(int)from]);
        Interlocked.Increment(ref _counts[(int)to]);
    }
}
