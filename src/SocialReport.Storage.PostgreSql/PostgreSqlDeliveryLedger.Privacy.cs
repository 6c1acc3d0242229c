namespace SocialReport.Storage.PostgreSql;

/// <summary>Rows held for quiet hours, and rows pruned once their broadcast is old enough.</summary>
public sealed partial class PostgreSqlDeliveryLedger
{
    public DeliveryRow Hold(DeliveryRow row, DateTimeOffset until, DateTimeOffset now)
    {
        var held = DeliveryRules.Hold(row, until, now);
        Update(held);
        return held;
    }

    public int Waiting(string broadcastId, DateTimeOffset now) =>
        store.Command("SELECT count(*)::integer FROM delivery_rows WHERE broadcast_id = @broadcast AND state = 'Pending' AND next_attempt_at > @now")
            .With("broadcast", broadcastId).With("now", now).Scalar<int>();

    public int Prune(DateTimeOffset finishedBefore) =>
        store.Command("""
            DELETE FROM delivery_rows r USING delivery_broadcasts b
            WHERE r.broadcast_id = b.id AND b.state IN ('Completed', 'Cancelled') AND b.finished_at < @before
            """).With("before", finishedBefore).Execute();
}
