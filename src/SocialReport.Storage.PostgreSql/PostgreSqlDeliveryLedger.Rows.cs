using System.Text.Json;
using static SocialReport.Storage.PostgreSql.LedgerRecords;

namespace SocialReport.Storage.PostgreSql;

/// <summary>How <see cref="PostgreSqlDeliveryLedger"/> writes and reads rows and finishes broadcasts.</summary>
public sealed partial class PostgreSqlDeliveryLedger
{
    private const int WriteBatch = 1000;

    // Written in batches of WriteBatch rows, each its own statement: memory stays flat whatever the audience, and a
    // batch written again after a crash adds only the rows still missing.
    private void AddRows(BroadcastRecord broadcast, IEnumerable<ChatKey> audience)
    {
        var channels = new List<string>(WriteBatch);
        var chats = new List<string>(WriteBatch);
        foreach (var chat in audience)
        {
            channels.Add(chat.Channel);
            chats.Add(chat.Id);
            if (chats.Count < WriteBatch) continue;
            InsertRows(broadcast, channels, chats);
        }
        InsertRows(broadcast, channels, chats);
    }

    private void InsertRows(BroadcastRecord broadcast, List<string> channels, List<string> chats)
    {
        if (chats.Count == 0) return;
        // Chats already served this edition (a Sent row of an earlier broadcast) are left out unless forced.
        store.Command("""
            INSERT INTO delivery_rows (broadcast_id, channel, chat_id, state, attempts, next_attempt_at, updated_at)
            SELECT @broadcast, a.channel, a.chat, 'Pending', 0, @now, @now FROM unnest(@channels, @chats) AS a(channel, chat)
            WHERE @force OR NOT EXISTS (
                SELECT 1 FROM delivery_broadcasts b JOIN delivery_rows r ON r.broadcast_id = b.id
                WHERE b.edition_id = @edition AND b.id <> @broadcast AND r.channel = a.channel AND r.chat_id = a.chat AND r.state = 'Sent')
            ON CONFLICT DO NOTHING
            """)
            .With("broadcast", broadcast.Id).With("now", time.GetUtcNow()).With("channels", channels.ToArray()).With("chats", chats.ToArray())
            .With("force", broadcast.Force).With("edition", broadcast.EditionId).Execute();
        channels.Clear();
        chats.Clear();
    }

    private void Update(DeliveryRow row) =>
        store.Command("""
            UPDATE delivery_rows SET state = @state, attempts = @attempts, last_error = @error, message_id = @messageId,
                next_attempt_at = @next, updated_at = @updated, message_ids = @messageIds, recall = @recall, recall_error = @recallError
            WHERE broadcast_id = @broadcast AND channel = @channel AND chat_id = @chat
            """).WithRow(row).Execute();

    private void Rekey(DeliveryRow row, DeliveryRow moved) => store.InTransaction(connection => Rekey(connection, row, moved));

    private static int Rekey(NpgsqlConnection connection, DeliveryRow row, DeliveryRow moved)
    {
        connection.Command("DELETE FROM delivery_rows WHERE broadcast_id = @broadcast AND channel = @channel AND chat_id = @chat")
            .With("broadcast", row.BroadcastId).With("channel", row.Chat.Channel).With("chat", row.Chat.Id).Execute();
        // When the new chat already has its row in this broadcast, that one stands for both.
        return connection.InsertRowIfAbsent(moved);
    }

    /// <summary>Rows that keep their chat, written by one statement (a single round trip whatever their number).</summary>
    private static void UpdateAll(NpgsqlConnection connection, List<DeliveryRow> rows)
    {
        if (rows.Count == 0) return;
        connection.Command("""
            UPDATE delivery_rows r SET state = u.state, attempts = u.attempts, last_error = u.error, message_id = u.message_id,
                next_attempt_at = u.next, updated_at = u.updated,
                message_ids = CASE WHEN u.ids IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(u.ids::jsonb)) END,
                recall = u.recall, recall_error = u.recall_error
            FROM unnest(@broadcasts, @channels, @chats, @states, @attempts, @errors, @messageIds, @nexts, @updateds, @ids, @recalls, @recallErrors)
                AS u(broadcast_id, channel, chat_id, state, attempts, error, message_id, next, updated, ids, recall, recall_error)
            WHERE r.broadcast_id = u.broadcast_id AND r.channel = u.channel AND r.chat_id = u.chat_id
            """)
            .With("broadcasts", rows.Select(row => row.BroadcastId).ToArray()).With("channels", rows.Select(row => row.Chat.Channel).ToArray())
            .With("chats", rows.Select(row => row.Chat.Id).ToArray()).With("states", rows.Select(row => row.State.ToString()).ToArray())
            .With("attempts", rows.Select(row => row.Attempts).ToArray()).With("errors", rows.Select(row => row.LastError).ToArray())
            .With("messageIds", rows.Select(row => row.MessageId).ToArray())
            .With("nexts", rows.Select(row => row.NextAttemptAt.ToUniversalTime()).ToArray())
            .With("updateds", rows.Select(row => row.UpdatedAt.ToUniversalTime()).ToArray())
            // Each row's message ids as one JSON array: unnest would flatten an array of arrays.
            .With("ids", rows.Select(row => row.MessageIds.Count == 0 ? null : JsonSerializer.Serialize(row.MessageIds)).ToArray())
            .With("recalls", rows.Select(row => row.Recall == RecallState.None ? null : row.Recall.ToString()).ToArray())
            .With("recallErrors", rows.Select(row => row.RecallError).ToArray()).Execute();
        rows.Clear();
    }

    private static DeliveryCounts Counts(NpgsqlConnection connection, string broadcastId)
    {
        var counts = connection.Command("SELECT state, count(*)::integer FROM delivery_rows WHERE broadcast_id = @broadcast GROUP BY state")
            .With("broadcast", broadcastId)
            .Read(reader => (State: reader.Enum<DeliveryState>("state"), Count: reader.GetInt32(1)))
            .ToDictionary(pair => pair.State, pair => pair.Count);
        int Of(DeliveryState state) => counts.GetValueOrDefault(state);
        return new DeliveryCounts(Of(DeliveryState.Pending), Of(DeliveryState.Sent), Of(DeliveryState.Failed), Of(DeliveryState.Blocked), Of(DeliveryState.Gone), Of(DeliveryState.Skipped));
    }

    private static BroadcastRecord? RunningFor(NpgsqlConnection connection, string editionId) =>
        connection.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts WHERE edition_id = @edition AND state IN ('Preparing', 'Running', 'CanaryDone')")
            .With("edition", editionId).ReadFirst(Broadcast);

    private static void Insert(NpgsqlConnection connection, BroadcastRecord broadcast, int number) =>
        connection.Command("""
            INSERT INTO delivery_broadcasts (id, edition_id, number, force, mode, requested_by, created_at, state, schedule_id, canary_percent)
            VALUES (@id, @edition, @number, @force, @mode, @requestedBy, @created, @state, @schedule, @canary)
            """)
            .With("id", broadcast.Id).With("edition", broadcast.EditionId).With("number", number).With("force", broadcast.Force)
            .With("mode", broadcast.Mode).With("requestedBy", broadcast.RequestedBy).With("created", broadcast.CreatedAt)
            .With("state", broadcast.State).With("schedule", broadcast.ScheduleId).With("canary", broadcast.CanaryPercent).Execute();

    /// <summary>Moves a broadcast in one of the <paramref name="from"/> states to <paramref name="to"/> with its final counts, the row locked meanwhile.</summary>
    private BroadcastRecord? Finish(string broadcastId, BroadcastState to, string[] from) => store.InTransaction(connection =>
    {
        var broadcast = connection.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts WHERE id = @id FOR UPDATE").With("id", broadcastId).ReadFirst(Broadcast);
        if (broadcast is null || !from.Contains(broadcast.State.ToString())) return broadcast;
        var finished = broadcast with { State = to, FinishedAt = broadcast.FinishedAt ?? time.GetUtcNow(), Final = Counts(connection, broadcastId) };
        var final = finished.Final!;
        connection.Command("""
            UPDATE delivery_broadcasts SET state = @state, finished_at = @finished, final_pending = @pending, final_sent = @sent,
                final_failed = @failed, final_blocked = @blocked, final_gone = @gone, final_skipped = @skipped
            WHERE id = @id
            """)
            .With("state", to).With("finished", finished.FinishedAt).With("pending", final.Pending).With("sent", final.Sent)
            .With("failed", final.Failed).With("blocked", final.Blocked).With("gone", final.Gone).With("skipped", final.Skipped)
            .With("id", broadcastId).Execute();
        return finished;
    });
}
