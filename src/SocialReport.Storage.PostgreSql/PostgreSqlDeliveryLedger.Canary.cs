using static SocialReport.Storage.PostgreSql.LedgerRecords;

namespace SocialReport.Storage.PostgreSql;

/// <summary>Canary broadcasts, recalls and a broadcast's rows read whole (reports): single statements guarded by the state they start from.</summary>
public sealed partial class PostgreSqlDeliveryLedger
{
    public BroadcastRecord PrepareCanary(string editionId, bool force, DeliveryMode mode, string requestedBy, int percent) =>
        Prepare(editionId, force, mode, requestedBy, scheduleId: null, canaryPercent: percent);

    public BroadcastRecord? CanaryDone(string broadcastId) =>
        Change(broadcastId, "SET state = 'CanaryDone' WHERE id = @id AND state = 'Running' AND canary_percent IS NOT NULL AND NOT canary_confirmed");

    public BroadcastRecord? ConfirmCanary(string broadcastId) =>
        Change(broadcastId, "SET state = 'Preparing', canary_confirmed = true WHERE id = @id AND state = 'CanaryDone'");

    public IReadOnlyList<DeliveryRow> Rows(string broadcastId) =>
        store.Command($"SELECT {RowColumns} FROM delivery_rows WHERE broadcast_id = @broadcast ORDER BY channel, chat_id")
            .With("broadcast", broadcastId).Read(LedgerRecords.Row);

    public BroadcastRecord? StartRecall(string broadcastId) =>
        Change(broadcastId, "SET recall = 'Running' WHERE id = @id AND recall = 'None'");

    public BroadcastRecord? FinishRecall(string broadcastId) =>
        Change(broadcastId, "SET recall = 'Done' WHERE id = @id AND recall = 'Running'");

    public IReadOnlyList<BroadcastRecord> Recalling() =>
        store.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts WHERE recall = 'Running' ORDER BY created_at, id").Read(Broadcast);

    public DeliveryRow RecordRecall(DeliveryRow row, RecallState state, string? reason, DateTimeOffset now)
    {
        var recalled = row with { Recall = state, RecallError = reason };
        store.Command("UPDATE delivery_rows SET recall = @recall, recall_error = @recallError WHERE broadcast_id = @broadcast AND channel = @channel AND chat_id = @chat")
            .With("recall", state).With("recallError", reason).With("broadcast", row.BroadcastId).With("channel", row.Chat.Channel).With("chat", row.Chat.Id)
            .Execute();
        return recalled;
    }

    /// <summary>One guarded <c>UPDATE delivery_broadcasts {change}</c>; the broadcast as it stands after it, null when unknown.</summary>
    private BroadcastRecord? Change(string broadcastId, string change)
    {
        store.Command("UPDATE delivery_broadcasts " + change).With("id", broadcastId).Execute();
        return Get(broadcastId);
    }
}
