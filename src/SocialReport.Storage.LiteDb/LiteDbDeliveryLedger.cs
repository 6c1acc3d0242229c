namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The delivery ledger in three collections of the shared database: <c>delivery_broadcasts</c>,
/// <c>delivery_rows</c> (one per broadcast and chat) and <c>delivery_schedules</c>.
/// <para>
/// Row keys used by indexes are hex digests (<see cref="DeliveryKeys"/>): LiteDB compares strings with the
/// database collation (by default culture-aware and case-insensitive), under which raw chat ids could merge or
/// reorder; lowercase hex and digits order the same under any collation. Due rows are found on one index whose
/// key is (broadcast and channel, next attempt), the rows of one moment in the order written, so a batch costs a
/// range scan, never a sort; counts are read off the index alone, without loading rows. Rows are looked up by id,
/// never by a query that would load documents.
/// </para>
/// </summary>
public sealed partial class LiteDbDeliveryLedger : IDeliveryLedger
{
    // Each batch's documents and pages live until its commit: 1 000 rather than 5 000 took 9 MB off the peak of
    // planning a 100 000-reader broadcast (README, Benchmarks). The same size as PostgreSQL's.
    private const int WriteBatch = 1000;
    private static readonly DeliveryState[] States = Enum.GetValues<DeliveryState>();
    private readonly LiteDbStore _store;
    private readonly ILiteCollection<BsonDocument> _broadcasts;
    private readonly ILiteCollection<BsonDocument> _rows;
    private readonly ILiteCollection<BsonDocument> _schedules;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public LiteDbDeliveryLedger(LiteDbStore store, IOptions<DeliveryOptions> options, TimeProvider time)
    {
        _store = store;
        var database = store.Database;
        _retry = RetryPolicy.From(options.Value);
        _time = time;
        _broadcasts = database.GetCollection(BroadcastDocuments.Collection);
        _broadcasts.EnsureIndex(BroadcastDocuments.Edition, "$." + BroadcastDocuments.Edition);
        _broadcasts.EnsureIndex(BroadcastDocuments.State, "$." + BroadcastDocuments.State);
        _broadcasts.EnsureIndex(BroadcastDocuments.Created, "$." + BroadcastDocuments.Created);
        _rows = database.GetCollection(RowDocuments.Collection);
        _rows.EnsureIndex(RowDocuments.DueKey, "$." + RowDocuments.DueKey);
        _rows.EnsureIndex(RowDocuments.StateKey, "$." + RowDocuments.StateKey);
        _rows.EnsureIndex(RowDocuments.ChatId, "$." + RowDocuments.ChatId);
        _schedules = database.GetCollection(ScheduleDocuments.Collection);
        _schedules.EnsureIndex(ScheduleDocuments.State, "$." + ScheduleDocuments.State);
    }

    public BroadcastRecord Create(string editionId, bool force, DeliveryMode mode, string requestedBy, IEnumerable<ChatKey> audience, string? scheduleId = null) =>
        FinishPreparing(Prepare(editionId, force, mode, requestedBy, scheduleId).Id, audience);

    public BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId = null) =>
        Prepare(editionId, force, mode, requestedBy, scheduleId, canaryPercent: null);

    private BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId, int? canaryPercent)
    {
        lock (_gate)
        {
            if (RunningFor(editionId) is { } unfinished)
                throw new InvalidOperationException($"Broadcast {unfinished.Id} of {editionId} is not finished.");
            var number = _broadcasts.Count(Queries.Equal(BroadcastDocuments.Edition, editionId)) + 1;
            var broadcast = BroadcastRecord.Preparing(editionId, number, force, mode, requestedBy, scheduleId, _time.GetUtcNow()) with { CanaryPercent = canaryPercent };
            // The schedule turns Started together with the creation of its broadcast, or not at all.
            return _store.InTransaction(() =>
            {
                if (scheduleId is not null)
                {
                    if (GetSchedule(scheduleId) is not { State: ScheduleState.Pending } schedule)
                        throw new InvalidOperationException($"Schedule {scheduleId} is not pending.");
                    _schedules.Update(ScheduleDocuments.Write(schedule with { State = ScheduleState.Started, BroadcastId = broadcast.Id }));
                }
                _broadcasts.Insert(BroadcastDocuments.Write(broadcast, []));
                return broadcast;
            });
        }
    }

    public BroadcastRecord FinishPreparing(string broadcastId, IEnumerable<ChatKey> audience)
    {
        var document = _broadcasts.FindById(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
        var broadcast = BroadcastDocuments.Read(document);
        if (broadcast.State != BroadcastState.Preparing) return broadcast;
        // Without any channel it has no row yet: no need to look each one up.
        AddRows(broadcast, audience, fresh: BroadcastDocuments.ReadChannels(document).Count == 0);
        return Open(broadcastId);
    }

    public BroadcastRecord? Get(string broadcastId) =>
        _broadcasts.FindById(broadcastId) is { } document ? BroadcastDocuments.Read(document) : null;

    public IReadOnlyList<BroadcastRecord> Running() =>
        [.. new[] { BroadcastState.Preparing, BroadcastState.Running }
            .SelectMany(state => _broadcasts.Find(Queries.Equal(BroadcastDocuments.State, state.ToString())))
            .Select(BroadcastDocuments.Read)
            .OrderBy(broadcast => broadcast.CreatedAt)];

    public BroadcastRecord? RunningFor(string editionId) =>
        OfEdition(editionId).FirstOrDefault(broadcast => !broadcast.IsFinished);

    public IReadOnlyList<BroadcastRecord> History(int take) =>
        [.. _broadcasts.Query().OrderByDescending("$." + BroadcastDocuments.Created).Limit(take).ToEnumerable().Select(BroadcastDocuments.Read)];

    public IReadOnlyList<DeliveryRow> Due(string broadcastId, string channel, DateTimeOffset now, int batchSize) =>
        [.. DueQuery(broadcastId, channel, now, batchSize).ToEnumerable().Select(RowDocuments.Read)];

    public DateTimeOffset? NextAttemptAt(string broadcastId, string channel) =>
        DueQuery(broadcastId, channel, DateTimeOffset.MaxValue, 1).ToEnumerable().FirstOrDefault() is { } first
            ? RowDocuments.Read(first).NextAttemptAt
            : null;

    public DeliveryRow? Row(string broadcastId, ChatKey chat) =>
        _rows.FindById(DeliveryKeys.Row(broadcastId, chat)) is { } document ? RowDocuments.Read(document) : null;

    public DeliveryRow Record(DeliveryRow row, SendOutcome outcome, DateTimeOffset now)
    {
        var updated = DeliveryRules.Apply(row, outcome, now, _retry);
        if (updated.Chat != row.Chat) Rekey(row, updated);
        else _rows.Update(RowDocuments.Write(updated));
        if (outcome is SendOutcome.RetryAfter) CountThrottled(row.BroadcastId);
        return updated;
    }

    /// <summary>One transaction for them all: one lock and one commit instead of one per send.</summary>
    public IReadOnlyList<DeliveryRow> RecordAll(IReadOnlyList<(DeliveryRow Row, SendOutcome Outcome)> answers, DateTimeOffset now) =>
        _store.InTransaction<IReadOnlyList<DeliveryRow>>(() => [.. answers.Select(answer => Record(answer.Row, answer.Outcome, now))]);

    public DeliveryRow Skip(DeliveryRow row, string reason, DateTimeOffset now)
    {
        var skipped = row with { State = DeliveryState.Skipped, LastError = reason, UpdatedAt = now };
        _rows.Update(RowDocuments.Write(skipped));
        return skipped;
    }

    public DeliveryCounts Counts(string broadcastId)
    {
        var channels = _broadcasts.FindById(broadcastId) is { } document ? BroadcastDocuments.ReadChannels(document) : [];
        var counts = States.ToDictionary(state => state, state => channels.Sum(channel => CountState(broadcastId, channel, state)));
        return new DeliveryCounts(
            counts[DeliveryState.Pending], counts[DeliveryState.Sent], counts[DeliveryState.Failed],
            counts[DeliveryState.Blocked], counts[DeliveryState.Gone], counts[DeliveryState.Skipped]);
    }

    /// <summary>
    /// Sent rows of the channel since the last forced broadcast of the edition: the broadcasts after it only sent
    /// to chats not served yet, so their counts add up.
    /// </summary>
    public int Served(string editionId, string channel)
    {
        var broadcasts = OfEdition(editionId).OrderBy(broadcast => broadcast.CreatedAt).ToList();
        var lastForced = broadcasts.FindLastIndex(broadcast => broadcast.Force);
        return broadcasts.Skip(Math.Max(0, lastForced)).Sum(broadcast => CountState(broadcast.Id, channel, DeliveryState.Sent));
    }

    public BroadcastRecord? Cancel(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Cancelled, from: [BroadcastState.Preparing, BroadcastState.Running, BroadcastState.Cancelled, BroadcastState.CanaryDone]);

    public BroadcastRecord? Complete(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Completed, from: [BroadcastState.Running]);

    internal ILiteQueryableResult<BsonDocument> DueQuery(string broadcastId, string channel, DateTimeOffset now, int batchSize)
    {
        var (from, to) = DeliveryKeys.DueRange(broadcastId, channel, now);
        return _rows.Query()
            .Where($"$.{RowDocuments.DueKey} BETWEEN @0 AND @1", from, to)
            .OrderBy("$." + RowDocuments.DueKey)
            .Limit(batchSize);
    }

    // Selecting only the indexed field lets LiteDB answer from the index without reading documents.
    internal ILiteQueryableResult<BsonDocument> StateCountQuery(string broadcastId, string channel, DeliveryState state) =>
        _rows.Query()
            .Where($"$.{RowDocuments.StateKey} = @0", DeliveryKeys.State(broadcastId, channel, state))
            .Select("$." + RowDocuments.StateKey);

    private int CountState(string broadcastId, string channel, DeliveryState state) =>
        StateCountQuery(broadcastId, channel, state).ToEnumerable().Count();

    private IEnumerable<BroadcastRecord> OfEdition(string editionId) =>
        _broadcasts.Find(Queries.Equal(BroadcastDocuments.Edition, editionId)).Select(BroadcastDocuments.Read);

    private BroadcastRecord Open(string broadcastId)
    {
        lock (_gate)
        {
            var document = _broadcasts.FindById(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
            var broadcast = BroadcastDocuments.Read(document);
            if (broadcast.State != BroadcastState.Preparing) return broadcast;
            var opened = broadcast with { State = BroadcastState.Running, StartedAt = _time.GetUtcNow() };
            _broadcasts.Update(BroadcastDocuments.Write(opened, BroadcastDocuments.ReadChannels(document)));
            return opened;
        }
    }

    private BroadcastRecord? Finish(string broadcastId, BroadcastState to, BroadcastState[] from)
    {
        lock (_gate)
        {
            if (_broadcasts.FindById(broadcastId) is not { } document) return null;
            var broadcast = BroadcastDocuments.Read(document);
            if (!from.Contains(broadcast.State)) return broadcast;
            var finished = broadcast with { State = to, FinishedAt = broadcast.FinishedAt ?? _time.GetUtcNow(), Final = Counts(broadcastId) };
            _broadcasts.Update(BroadcastDocuments.Write(finished, BroadcastDocuments.ReadChannels(document)));
            return finished;
        }
    }

    private void Rekey(DeliveryRow row, DeliveryRow moved)
    {
        lock (_gate)
        {
            _store.InTransaction(() =>
            {
                _rows.Delete(DeliveryKeys.Row(row.BroadcastId, row.Chat));
                // When the new chat already has its row in this broadcast, that one stands for both.
                var kept = _rows.FindById(DeliveryKeys.Row(moved.BroadcastId, moved.Chat)) is not null;
                if (!kept) _rows.Insert(RowDocuments.Write(moved));
                return kept;
            });
        }
    }

    private void CountThrottled(string broadcastId)
    {
        lock (_gate)
        {
            if (_broadcasts.FindById(broadcastId) is not { } document) return;
            var broadcast = BroadcastDocuments.Read(document);
            _broadcasts.Update(BroadcastDocuments.Write(broadcast with { Throttled = broadcast.Throttled + 1 }, BroadcastDocuments.ReadChannels(document)));
        }
    }
}
