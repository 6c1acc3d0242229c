namespace SocialReport.Storage.LiteDb;

/// <summary>How <see cref="LiteDbDeliveryLedger"/> writes a broadcast's rows, one per chat of its audience.</summary>
public sealed partial class LiteDbDeliveryLedger
{
    // Written in batches of WriteBatch rows, each its own transaction: memory stays flat whatever the audience.
    private void AddRows(BroadcastRecord broadcast, IEnumerable<ChatKey> audience, bool fresh)
    {
        var now = _time.GetUtcNow();
        var stored = _broadcasts.FindById(broadcast.Id) is { } document ? BroadcastDocuments.ReadChannels(document) : [];
        var earlier = broadcast.Force ? [] : OfEdition(broadcast.EditionId).Where(other => other.Id != broadcast.Id).Select(other => other.Id).ToList();
        var channels = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<BsonDocument>(WriteBatch);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chat in audience)
        {
            if (earlier.Any(other => IsSent(other, chat))) continue;
            var id = DeliveryKeys.Row(broadcast.Id, chat);
            if (!ids.Add(id) || (!fresh && _rows.FindById(id) is not null)) continue;
            // Counts go by channel: a channel is known before its first row is written.
            if (channels.Add(chat.Channel) && !stored.Contains(chat.Channel)) Remember(broadcast.Id, chat.Channel);
            batch.Add(RowDocuments.Write(new DeliveryRow { BroadcastId = broadcast.Id, Chat = chat, NextAttemptAt = now, UpdatedAt = now }));
            if (batch.Count < WriteBatch) continue;
            Insert(batch);
            ids.Clear();
        }
        Insert(batch);
    }

    private void Remember(string broadcastId, string channel)
    {
        lock (_gate)
        {
            var document = _broadcasts.FindById(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
            _broadcasts.Update(BroadcastDocuments.Write(BroadcastDocuments.Read(document), [.. BroadcastDocuments.ReadChannels(document), channel]));
        }
    }

    private bool IsSent(string broadcastId, ChatKey chat) =>
        _rows.FindById(DeliveryKeys.Row(broadcastId, chat)) is { } row && RowDocuments.Read(row).State == DeliveryState.Sent;

    private void Insert(List<BsonDocument> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            _rows.Insert(batch);
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The audience named a chat twice across batches: keep the row already there.
            foreach (var document in batch.Where(document => _rows.FindById(document["_id"]) is null)) _rows.Insert(document);
        }
        batch.Clear();
    }
}
