namespace SocialReport.Storage.PostgreSql;

/// <summary>The delivery ledger's rows read back as the core's records.</summary>
internal static class LedgerRecords
{
    public const string BroadcastColumns =
        "id, edition_id, force, mode, requested_by, created_at, state, started_at, finished_at, schedule_id, throttled, " +
        "final_pending, final_sent, final_failed, final_blocked, final_gone, final_skipped, canary_percent, canary_confirmed, recall";

    public const string RowColumns = "broadcast_id, channel, chat_id, state, attempts, last_error, message_id, next_attempt_at, updated_at, message_ids, recall, recall_error";

    public const string ScheduleColumns = "id, edition_id, due_at, requested_by, force, state, created_at, broadcast_id, reason";

    public static BroadcastRecord Broadcast(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        EditionId = reader.GetString(1),
        Force = reader.GetBoolean(2),
        Mode = reader.Enum<DeliveryMode>("mode"),
        RequestedBy = reader.GetString(4),
        CreatedAt = reader.Instant("created_at"),
        State = reader.Enum<BroadcastState>("state"),
        StartedAt = reader.InstantOrNull("started_at"),
        FinishedAt = reader.InstantOrNull("finished_at"),
        ScheduleId = reader.StringOrNull("schedule_id"),
        Throttled = reader.GetInt32(10),
        Final = reader.IntOrNull("final_pending") is { } pending
            ? new DeliveryCounts(pending, reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetInt32(16))
            : null,
        CanaryPercent = reader.IntOrNull("canary_percent"),
        CanaryConfirmed = reader.GetBoolean(18),
        Recall = reader.Enum<BroadcastRecall>("recall"),
    };

    public static DeliveryRow Row(NpgsqlDataReader reader) => new()
    {
        BroadcastId = reader.GetString(0),
        Chat = new ChatKey(reader.GetString(1), reader.GetString(2)),
        State = reader.Enum<DeliveryState>("state"),
        Attempts = reader.GetInt32(4),
        LastError = reader.StringOrNull("last_error"),
        MessageId = reader.StringOrNull("message_id"),
        NextAttemptAt = reader.Instant("next_attempt_at"),
        UpdatedAt = reader.Instant("updated_at"),
        // Rows written before recalls have only their first message's id.
        MessageIds = reader.IsDBNull(9) ? reader.StringOrNull("message_id") is { } first ? [first] : [] : reader.GetFieldValue<string[]>(9),
        Recall = reader.IsDBNull(10) ? RecallState.None : reader.Enum<RecallState>("recall"),
        RecallError = reader.StringOrNull("recall_error"),
    };

    public static ScheduledBroadcast Schedule(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        EditionId = reader.GetString(1),
        DueAt = reader.Instant("due_at"),
        RequestedBy = reader.GetString(3),
        Force = reader.GetBoolean(4),
        State = reader.Enum<ScheduleState>("state"),
        CreatedAt = reader.Instant("created_at"),
        BroadcastId = reader.StringOrNull("broadcast_id"),
        Reason = reader.StringOrNull("reason"),
    };

    /// <summary>A row's every column, for an insert or an update by key.</summary>
    public static NpgsqlCommand WithRow(this NpgsqlCommand command, DeliveryRow row) => command
        .With("broadcast", row.BroadcastId).With("channel", row.Chat.Channel).With("chat", row.Chat.Id).With("state", row.State)
        .With("attempts", row.Attempts).With("error", row.LastError).With("messageId", row.MessageId)
        .With("next", row.NextAttemptAt).With("updated", row.UpdatedAt)
        .With("messageIds", row.MessageIds.Count == 0 ? null : row.MessageIds.ToArray())
        .With("recall", row.Recall == RecallState.None ? null : row.Recall).With("recallError", row.RecallError);

    /// <summary>Inserts the row unless its broadcast already has one for that chat; 1 when it was added.</summary>
    public static int InsertRowIfAbsent(this NpgsqlConnection connection, DeliveryRow row) =>
        connection.Command($"INSERT INTO delivery_rows ({RowColumns}) VALUES (@broadcast, @channel, @chat, @state, @attempts, @error, @messageId, @next, @updated, @messageIds, @recall, @recallError) ON CONFLICT DO NOTHING")
            .WithRow(row).Execute();
}
