namespace SocialReport.Storage.LiteDb;

/// <summary>Rows held for quiet hours, and rows pruned once their broadcast is old enough.</summary>
public sealed partial class LiteDbDeliveryLedger
{
    public DeliveryRow Hold(DeliveryRow row, DateTimeOffset until, DateTimeOffset now)
    {
        var held = DeliveryRules.Hold(row, until, now);
        _rows.Update(RowDocuments.Write(held));
        return held;
    }

    public int Waiting(string broadcastId, DateTimeOffset now)
    {
        var channels = _broadcasts.FindById(broadcastId) is { } document ? BroadcastDocuments.ReadChannels(document) : [];
        return channels.Sum(channel =>
        {
            var (from, to) = DeliveryKeys.LaterRange(broadcastId, channel, now);
            return _rows.Query().Where($"$.{RowDocuments.DueKey} BETWEEN @0 AND @1", from, to).Select("$." + RowDocuments.DueKey).ToEnumerable().Count();
        });
    }

    public int Prune(DateTimeOffset finishedBefore)
    {
        var old = _broadcasts.FindAll().Select(BroadcastDocuments.Read)
            .Where(broadcast => broadcast.IsFinished && broadcast.FinishedAt < finishedBefore)
            .Select(broadcast => new BsonValue(broadcast.Id))
            .ToList();
        return old.Count == 0 ? 0 : _rows.DeleteMany(Query.In("broadcast", old));
    }
}
