namespace SocialReport.Core.Delivery;

/// <summary>How many delivery rows of a broadcast are in each state.</summary>
public sealed record DeliveryCounts(int Pending, int Sent, int Failed, int Blocked, int Gone, int Skipped)
{
    public static readonly DeliveryCounts None = new(0, 0, 0, 0, 0, 0);

    public int Total => Pending + Done;

    /// <summary>Rows with a final state.</summary>
    public int Done => Sent + Failed + Blocked + Gone + Skipped;
}
