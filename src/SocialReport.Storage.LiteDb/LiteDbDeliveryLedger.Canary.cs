namespace SocialReport.Storage.LiteDb;

/// <summary>Canary broadcasts, recalls and a broadcast's rows read whole (reports).</summary>
public sealed partial class LiteDbDeliveryLedger
{
    public BroadcastRecord PrepareCanary(string editionId, bool force, DeliveryMode mode, string requestedBy, int percent) =>
        Prepare(editionId, force, mode, requestedBy, scheduleId: null, canaryPercent: percent);

    public BroadcastRecord? CanaryDone(string broadcastId) =>
        Change(broadcastId, broadcast => broadcast is { State: BroadcastState.Running, InCanary: true } ? broadcast with { State = BroadcastState.CanaryDone } : null);

    public BroadcastRecord? ConfirmCanary(string broadcastId) =>
        Change(broadcastId, broadcast => broadcast.State == BroadcastState.CanaryDone
            ? broadcast with { State = BroadcastState.Preparing, CanaryConfirmed = true }
            : null);

    public IReadOnlyList<DeliveryRow> Rows(string broadcastId)
    {
        var channels = _broadcasts.FindById(broadcastId) is { } document ? BroadcastDocuments.ReadChannels(document) : [];
        return [.. channels.SelectMany(channel => States.SelectMany(state =>
                _rows.Find(Queries.Equal(RowDocuments.StateKey, DeliveryKeys.State(broadcastId, channel, state)))))
            .Select(RowDocuments.Read)
            .OrderBy(row => row.Channel, StringComparer.Ordinal)
            .ThenBy(row => row.Chat.Id, StringComparer.Ordinal)];
    }

    public BroadcastRecord? StartRecall(string broadcastId) =>
        Change(broadcastId, broadcast => broadcast.Recall == BroadcastRecall.None ? broadcast with { Recall = BroadcastRecall.Running } : null);

    public BroadcastRecord? FinishRecall(string broadcastId) =>
        Change(broadcastId, broadcast => broadcast.Recall == BroadcastRecall.Running ? broadcast with { Recall = BroadcastRecall.Done } : null);

    public IReadOnlyList<BroadcastRecord> Recalling() =>
        [.. _broadcasts.FindAll().Select(BroadcastDocuments.Read).Where(broadcast => broadcast.Recall == BroadcastRecall.Running).OrderBy(broadcast => broadcast.CreatedAt)];

    public DeliveryRow RecordRecall(DeliveryRow row, RecallState state, string? reason, DateTimeOffset now)
    {
        var recalled = row with { Recall = state, RecallError = reason };
        _rows.Update(RowDocuments.Write(recalled));
        return recalled;
    }

    /// <summary>Applies <paramref name="change"/> (null: no change) to a broadcast under the lock; the broadcast as it stands, null when unknown.</summary>
    private BroadcastRecord? Change(string broadcastId, Func<BroadcastRecord, BroadcastRecord?> change)
    {
        lock (_gate)
        {
            if (_broadcasts.FindById(broadcastId) is not { } document) return null;
            var broadcast = BroadcastDocuments.Read(document);
            if (change(broadcast) is not { } changed) return broadcast;
            _broadcasts.Update(BroadcastDocuments.Write(changed, BroadcastDocuments.ReadChannels(document)));
            return changed;
        }
    }
}
