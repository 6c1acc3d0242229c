namespace SocialReport.Core.Delivery;

/// <summary>
/// What the status page shows of broadcasts: the running ones with their progress, and the latest finished ones.
/// Registered by the delivery code; when none is, the page says there has been no broadcast yet.
/// </summary>
public interface IBroadcastStatus
{
    /// <summary>Broadcasts not finished yet, oldest first.</summary>
    IReadOnlyList<BroadcastSummary> Running();

    /// <summary>The latest finished broadcasts, newest first, at most <paramref name="take"/>.</summary>
    IReadOnlyList<BroadcastSummary> Past(int take);
}

/// <summary>One broadcast and its delivery counts.</summary>
/// <param name="State"><c>preparing</c>, <c>running</c>, <c>cancelled</c> or <c>completed</c>.</param>
/// <param name="Throttled">"Too many requests" answers (429) so far.</param>
/// <param name="Rate">Deliveries finished per second, recently (the whole run once finished).</param>
public sealed record BroadcastSummary(
    string Id,
    string EditionId,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int Total,
    int Sent,
    int Failed,
    int Blocked,
    int Gone,
    int Skipped,
    int Pending,
    int Throttled,
    double Rate);
