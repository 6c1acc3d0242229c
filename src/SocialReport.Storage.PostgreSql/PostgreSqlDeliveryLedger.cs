using static SocialReport.Storage.PostgreSql.LedgerRecords;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The delivery ledger in <c>delivery_broadcasts</c>, <c>delivery_rows</c> (one per broadcast and chat) and
/// <c>delivery_schedules</c>. State changes are single statements or transactions guarded by the state they start
/// from, so hosts sharing the database cannot both start a schedule, open an edition's second unfinished broadcast
/// (a unique index), or finish a broadcast twice.
/// </summary>
public sealed partial class PostgreSqlDeliveryLedger(PostgreSqlStore store, IOptions<DeliveryOptions> options, TimeProvider time) : IDeliveryLedger
{
    private readonly RetryPolicy _retry = RetryPolicy.From(options.Value);

    public BroadcastRecord Create(string editionId, bool force, DeliveryMode mode, string requestedBy, IEnumerable<ChatKey> audience, string? scheduleId = null) =>
        FinishPreparing(Prepare(editionId, force, mode, requestedBy, scheduleId).Id, audience);

    public BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId = null) =>
        Prepare(editionId, force, mode, requestedBy, scheduleId, canaryPercent: null);

    private BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId, int? canaryPercent)
    {
        try
        {
            return store.InTransaction(connection =>
            {
                // One preparer per edition at a time, across hosts: the broadcast's number is the next one.
                connection.Command("SELECT pg_advisory_xact_lock(hashtextextended('broadcast:' || @edition, 0))").With("edition", editionId).Execute();
                if (RunningFor(connection, editionId) is { } unfinished)
                    throw new InvalidOperationException($"Broadcast {unfinished.Id} of {editionId} is not finished.");
                var number = connection.Command("SELECT count(*)::integer FROM delivery_broadcasts WHERE edition_id = @edition").With("edition", editionId).Scalar<int>() + 1;
                var broadcast = BroadcastRecord.Preparing(editionId, number, force, mode, requestedBy, scheduleId, time.GetUtcNow()) with { CanaryPercent = canaryPercent };
                // The schedule turns Started together with the creation of its broadcast, or not at all.
                if (scheduleId is not null && connection.Command("UPDATE delivery_schedules SET state = 'Started', broadcast_id = @broadcast WHERE id = @id AND state = 'Pending'")
                        .With("broadcast", broadcast.Id).With("id", scheduleId).Execute() != 1)
                    throw new InvalidOperationException($"Schedule {scheduleId} is not pending.");
                Insert(connection, broadcast, number);
                return broadcast;
            });
        }
        catch (PostgresException e) when (e.IsUniqueViolation())
        {
            throw new InvalidOperationException($"A broadcast of {editionId} is not finished.", e);
        }
    }

    public BroadcastRecord FinishPreparing(string broadcastId, IEnumerable<ChatKey> audience)
    {
        var broadcast = Get(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
        if (broadcast.State != BroadcastState.Preparing) return broadcast;
        AddRows(broadcast, audience);
        store.Command("UPDATE delivery_broadcasts SET state = 'Running', started_at = @now WHERE id = @id AND state = 'Preparing'")
            .With("now", time.GetUtcNow()).With("id", broadcastId).Execute();
        return Get(broadcastId)!;
    }

    public BroadcastRecord? Get(string broadcastId) =>
        store.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts WHERE id = @id").With("id", broadcastId).ReadFirst(Broadcast);

    public IReadOnlyList<BroadcastRecord> Running() =>
        store.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts WHERE state IN ('Preparing', 'Running') ORDER BY created_at, id").Read(Broadcast);

    public BroadcastRecord? RunningFor(string editionId)
    {
        using var connection = store.DataSource.OpenConnection();
        return RunningFor(connection, editionId);
    }

    public IReadOnlyList<BroadcastRecord> History(int take) =>
        store.Command($"SELECT {BroadcastColumns} FROM delivery_broadcasts ORDER BY created_at DESC, number DESC LIMIT @take").With("take", take).Read(Broadcast);

    public IReadOnlyList<DeliveryRow> Due(string broadcastId, string channel, DateTimeOffset now, int batchSize) =>
        store.Command($"""
            SELECT {RowColumns} FROM delivery_rows
            WHERE broadcast_id = @broadcast AND channel = @channel AND state = 'Pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at, chat_id LIMIT @take
            """)
            .With("broadcast", broadcastId).With("channel", channel).With("now", now).With("take", batchSize).Read(LedgerRecords.Row);

    public DateTimeOffset? NextAttemptAt(string broadcastId, string channel) =>
        store.Command("SELECT min(next_attempt_at) FROM delivery_rows WHERE broadcast_id = @broadcast AND channel = @channel AND state = 'Pending'")
            .With("broadcast", broadcastId).With("channel", channel).Read(reader => reader.InstantOrNull("min")).Single();

    public DeliveryRow? Row(string broadcastId, ChatKey chat) =>
        store.Command($"SELECT {RowColumns} FROM delivery_rows WHERE broadcast_id = @broadcast AND channel = @channel AND chat_id = @chat")
            .With("broadcast", broadcastId).With("channel", chat.Channel).With("chat", chat.Id).ReadFirst(LedgerRecords.Row);

    public DeliveryRow Record(DeliveryRow row, SendOutcome outcome, DateTimeOffset now)
    {
        var updated = DeliveryRules.Apply(row, outcome, now, _retry);
        if (updated.Chat != row.Chat) Rekey(row, updated);
        else Update(updated);
        if (outcome is SendOutcome.RetryAfter)
            store.Command("UPDATE delivery_broadcasts SET throttled = throttled + 1 WHERE id = @id").With("id", row.BroadcastId).Execute();
        return updated;
    }

    /// <summary>
    /// One transaction and, unless a chat moved, two statements whatever the number of answers: the rows in one
    /// <c>UPDATE … FROM unnest(…)</c>, then the broadcasts' throttled counts. Applied in order, as one by one.
    /// </summary>
    public IReadOnlyList<DeliveryRow> RecordAll(IReadOnlyList<(DeliveryRow Row, SendOutcome Outcome)> answers, DateTimeOffset now) =>
        store.InTransaction<IReadOnlyList<DeliveryRow>>(connection =>
        {
            var recorded = new DeliveryRow[answers.Count];
            var unchanged = new List<DeliveryRow>(answers.Count);
            var keys = new HashSet<(string, ChatKey)>();
            var throttled = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < answers.Count; i++)
            {
                var (row, outcome) = answers[i];
                var updated = DeliveryRules.Apply(row, outcome, now, _retry);
                recorded[i] = updated;
                // A moved chat, or the same row twice in a batch: what came before lands first, as it would one by one.
                if (updated.Chat != row.Chat || !keys.Add((row.BroadcastId, row.Chat)))
                {
                    UpdateAll(connection, unchanged);
                    keys.Clear();
                    keys.Add((row.BroadcastId, row.Chat));
                }
                if (updated.Chat != row.Chat) Rekey(connection, row, updated);
                else unchanged.Add(updated);
                if (outcome is SendOutcome.RetryAfter) throttled[row.BroadcastId] = throttled.GetValueOrDefault(row.BroadcastId) + 1;
            }
            UpdateAll(connection, unchanged);
            foreach (var (broadcastId, count) in throttled)
                connection.Command("UPDATE delivery_broadcasts SET throttled = throttled + @count WHERE id = @id").With("count", count).With("id", broadcastId).Execute();
            return recorded;
        });

    public DeliveryRow Skip(DeliveryRow row, string reason, DateTimeOffset now)
    {
        var skipped = row with { State = DeliveryState.Skipped, LastError = reason, UpdatedAt = now };
        Update(skipped);
        return skipped;
    }

    public DeliveryCounts Counts(string broadcastId)
    {
        using var connection = store.DataSource.OpenConnection();
        return Counts(connection, broadcastId);
    }

    /// <summary>
    /// Sent rows of the channel since the last forced broadcast of the edition: the broadcasts after it only sent
    /// to chats not served yet, so their counts add up.
    /// </summary>
    public int Served(string editionId, string channel) =>
        store.Command("""
            SELECT count(*)::integer FROM delivery_rows r JOIN delivery_broadcasts b ON b.id = r.broadcast_id
            WHERE b.edition_id = @edition AND r.channel = @channel AND r.state = 'Sent'
              AND b.number >= coalesce((SELECT max(number) FROM delivery_broadcasts WHERE edition_id = @edition AND force), 0)
            """)
            .With("edition", editionId).With("channel", channel).Scalar<int>();

    public BroadcastRecord? Cancel(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Cancelled, from: ["Preparing", "Running", "Cancelled", "CanaryDone"]);

    public BroadcastRecord? Complete(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Completed, from: ["Running"]);
}
