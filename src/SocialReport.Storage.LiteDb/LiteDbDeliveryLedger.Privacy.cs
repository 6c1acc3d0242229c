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

    /// <summary>Each old broadcast's rows are found on the state index, channel by channel: a pass over broadcasts already pruned reads no row.</summary>
    public int Prune(DateTimeOffset finishedBefore)
    {
        var pruned = 0;
        foreach (var document in _broadcasts.FindAll().ToList())
        {
            var broadcast = BroadcastDocuments.Read(document);
            if (!broadcast.IsFinished || broadcast.FinishedAt >= finishedBefore) continue;
            foreach (var channel in BroadcastDocuments.ReadChannels(document))
            {
                foreach (var state in States)
                    pruned += _rows.DeleteMany(Queries.Equal(RowDocuments.StateKey, DeliveryKeys.State(broadcast.Id, channel, state)));
            }
        }
        return pruned;
    }
}
