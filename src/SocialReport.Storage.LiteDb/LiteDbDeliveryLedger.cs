using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The delivery ledger in three collections of the shared database: <c>delivery_broadcasts</c>,
/// <c>delivery_rows</c> (one per broadcast and chat) and <c>delivery_schedules</c>.
/// <para>
/// Row keys used by indexes are hex digests (<see cref="DeliveryKeys"/>): LiteDB compares strings with the
/// database collation (by default culture-aware and case-insensitive), under which raw chat ids could merge or
/// reorder; lowercase hex and digits order the same under any collation. Due rows are found on one index whose
/// key is (broadcast and channel, next attempt, chat), so a batch costs a range scan, never a sort; counts are
/// read off the index alone, without loading rows.
/// </para>
/// </summary>
public sealed class LiteDbDeliveryLedger : IDeliveryLedger
{
    private const int WriteBatch = 1000;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _broadcasts;
    private readonly ILiteCollection<BsonDocument> _rows;
    private readonly ILiteCollection<BsonDocument> _schedules;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _editions = new(StringComparer.Ordinal);

    public LiteDbDeliveryLedger(LiteDatabase database, IOptions<DeliveryOptions> options, TimeProvider time)
    {
        _database = database;
        _retry = RetryPolicy.From(options.Value);
        _time = time;
        _broadcasts = database.GetCollection(BroadcastDocuments.Collection);
        _broadcasts.EnsureIndex(BroadcastDocuments.Edition, "$." + BroadcastDocuments.Edition);
        _broadcasts.EnsureIndex(BroadcastDocuments.State, "$." + BroadcastDocuments.State);
        _broadcasts.EnsureIndex(BroadcastDocuments.Created, "$." + BroadcastDocuments.Created);
        _rows = database.GetCollection(RowDocuments.Collection);
        _rows.EnsureIndex(RowDocuments.DueKey, "$." + RowDocuments.DueKey);
        _rows.EnsureIndex(RowDocuments.StateKey, "$." + RowDocuments.StateKey);
        _rows.EnsureIndex(RowDocuments.ServedKey, "$." + RowDocuments.ServedKey);
        _rows.EnsureIndex(RowDocuments.ServedChannelKey, "$." + RowDocuments.ServedChannelKey);
        _schedules = database.GetCollection(ScheduleDocuments.Collection);
        _schedules.EnsureIndex(ScheduleDocuments.State, "$." + ScheduleDocuments.State);
    }

    public BroadcastRecord Create(string editionId, bool force, DeliveryMode mode, string requestedBy, IEnumerable<ChatKey> audience, string? scheduleId = null)
    {
        var broadcast = Begin(editionId, force, mode, requestedBy, scheduleId);
        AddRows(broadcast, audience, fresh: true);
        return Open(broadcast.Id);
    }

    public BroadcastRecord FinishPreparing(string broadcastId, IEnumerable<ChatKey> audience)
    {
        var broadcast = Get(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
        if (broadcast.State != BroadcastState.Preparing) return broadcast;
        AddRows(broadcast, audience, fresh: false);
        return Open(broadcastId);
    }

    public BroadcastRecord? Get(string broadcastId) =>
        _broadcasts.FindById(broadcastId) is { } document ? BroadcastDocuments.Read(document) : null;

    public IReadOnlyList<BroadcastRecord> Running() =>
        [.. new[] { BroadcastState.Preparing, BroadcastState.Running }
            .SelectMany(state => _broadcasts.Find(Query.EQ(BroadcastDocuments.State, state.ToString())))
            .Select(BroadcastDocuments.Read)
            .OrderBy(broadcast => broadcast.CreatedAt)];

    public BroadcastRecord? RunningFor(string editionId) =>
        _broadcasts.Find(Query.EQ(BroadcastDocuments.Edition, editionId))
            .Select(BroadcastDocuments.Read)
            .FirstOrDefault(broadcast => !broadcast.IsFinished);

    public IReadOnlyList<BroadcastRecord> History(int take) =>
        [.. _broadcasts.Query().OrderByDescending("$." + BroadcastDocuments.Created).Limit(take).ToEnumerable().Select(BroadcastDocuments.Read)];

    public IReadOnlyList<DeliveryRow> Due(string broadcastId, string channel, DateTimeOffset now, int batchSize)
    {
        var (from, to) = DeliveryKeys.DueRange(broadcastId, channel, now);
        return [.. _rows.Query()
            .Where($"$.{RowDocuments.DueKey} BETWEEN @0 AND @1", from, to)
            .OrderBy("$." + RowDocuments.DueKey)
            .Limit(batchSize)
            .ToEnumerable()
            .Select(RowDocuments.Read)];
    }

    public DateTimeOffset? NextAttemptAt(string broadcastId, string channel)
    {
        var (from, to) = DeliveryKeys.DueRange(broadcastId, channel, DateTimeOffset.MaxValue);
        var first = _rows.Query()
            .Where($"$.{RowDocuments.DueKey} BETWEEN @0 AND @1", from, to)
            .OrderBy("$." + RowDocuments.DueKey)
            .Limit(1)
            .ToEnumerable()
            .FirstOrDefault();
        return first is null ? null : RowDocuments.Read(first).NextAttemptAt;
    }

    public DeliveryRow? Row(string broadcastId, ChatKey chat) =>
        _rows.FindById(DeliveryKeys.Row(broadcastId, chat)) is { } document ? RowDocuments.Read(document) : null;

    public DeliveryRow Record(DeliveryRow row, SendOutcome outcome, DateTimeOffset now)
    {
        var updated = DeliveryRules.Apply(row, outcome, now, _retry);
        if (updated.Chat != row.Chat) Rekey(row, updated);
        else _rows.Update(RowDocuments.Write(updated, EditionOf(row.BroadcastId)));
        if (outcome is SendOutcome.RetryAfter) CountThrottled(row.BroadcastId);
        return updated;
    }

    public DeliveryRow Skip(DeliveryRow row, string reason, DateTimeOffset now)
    {
        var skipped = row with { State = DeliveryState.Skipped, LastError = reason, UpdatedAt = now };
        _rows.Update(RowDocuments.Write(skipped, EditionOf(row.BroadcastId)));
        return skipped;
    }

    public DeliveryCounts Counts(string broadcastId)
    {
        int Count(DeliveryState state) => CountKey(RowDocuments.StateKey, DeliveryKeys.State(broadcastId, state));
        return new DeliveryCounts(
            Count(DeliveryState.Pending), Count(DeliveryState.Sent), Count(DeliveryState.Failed),
            Count(DeliveryState.Blocked), Count(DeliveryState.Gone), Count(DeliveryState.Skipped));
    }

    public int Served(string editionId, string channel) =>
        CountKey(RowDocuments.ServedChannelKey, DeliveryKeys.ServedChannel(editionId, channel));

    public BroadcastRecord? Cancel(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Cancelled, from: [BroadcastState.Preparing, BroadcastState.Running, BroadcastState.Cancelled]);

    public BroadcastRecord? Complete(string broadcastId) =>
        Finish(broadcastId, BroadcastState.Completed, from: [BroadcastState.Running]);

    public ScheduledBroadcast AddSchedule(ScheduledBroadcast schedule)
    {
        lock (_gate)
        {
            if (GetSchedule(schedule.Id) is { } existing) return existing;
            _schedules.Insert(ScheduleDocuments.Write(schedule));
            return schedule;
        }
    }

    public ScheduledBroadcast? GetSchedule(string scheduleId) =>
        _schedules.FindById(scheduleId) is { } document ? ScheduleDocuments.Read(document) : null;

    public IReadOnlyList<ScheduledBroadcast> PendingSchedules() =>
        [.. _schedules.Find(Query.EQ(ScheduleDocuments.State, ScheduleState.Pending.ToString())).Select(ScheduleDocuments.Read).OrderBy(schedule => schedule.DueAt)];

    public bool SkipSchedule(string scheduleId, string reason, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (GetSchedule(scheduleId) is not { State: ScheduleState.Pending } schedule) return false;
            _schedules.Update(ScheduleDocuments.Write(schedule with { State = ScheduleState.Skipped, Reason = reason }));
            return true;
        }
    }

    private BroadcastRecord Begin(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId)
    {
        lock (_gate)
        {
            if (RunningFor(editionId) is { } unfinished)
                throw new InvalidOperationException($"Broadcast {unfinished.Id} of {editionId} is not finished.");
            var number = _broadcasts.Count(Query.EQ(BroadcastDocuments.Edition, editionId)) + 1;
            var broadcast = new BroadcastRecord
            {
                Id = $"{editionId}#{number}",
                EditionId = editionId,
                Force = force,
                Mode = mode,
                RequestedBy = requestedBy,
                CreatedAt = _time.GetUtcNow(),
                State = BroadcastState.Preparing,
                ScheduleId = scheduleId,
            };
            // The schedule turns Started together with the creation of its broadcast, or not at all.
            _database.BeginTrans();
            try
            {
                if (scheduleId is not null)
                {
                    if (GetSchedule(scheduleId) is not { State: ScheduleState.Pending } schedule)
                        throw new InvalidOperationException($"Schedule {scheduleId} is not pending.");
                    _schedules.Update(ScheduleDocuments.Write(schedule with { State = ScheduleState.Started, BroadcastId = broadcast.Id }));
                }
                _broadcasts.Insert(BroadcastDocuments.Write(broadcast));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            _editions[broadcast.Id] = editionId;
            return broadcast;
        }
    }

    // Written in batches of WriteBatch rows, each its own transaction: memory stays flat whatever the audience.
    private void AddRows(BroadcastRecord broadcast, IEnumerable<ChatKey> audience, bool fresh)
    {
        var now = _time.GetUtcNow();
        var batch = new List<BsonDocument>(WriteBatch);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chat in audience)
        {
            if (!broadcast.Force && IsServed(broadcast.EditionId, chat)) continue;
            var id = DeliveryKeys.Row(broadcast.Id, chat);
            if (!ids.Add(id) || (!fresh && _rows.FindById(id) is not null)) continue;
            var row = new DeliveryRow { BroadcastId = broadcast.Id, Chat = chat, NextAttemptAt = now, UpdatedAt = now };
            batch.Add(RowDocuments.Write(row, broadcast.EditionId));
            if (batch.Count < WriteBatch) continue;
            Insert(batch);
            ids.Clear();
        }
        Insert(batch);
    }

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

    private bool IsServed(string editionId, ChatKey chat) =>
        _rows.Exists(Query.EQ(RowDocuments.ServedKey, DeliveryKeys.Served(editionId, chat)));

    private BroadcastRecord Open(string broadcastId)
    {
        lock (_gate)
        {
            var broadcast = Get(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
            if (broadcast.State != BroadcastState.Preparing) return broadcast;
            var running = broadcast with { State = BroadcastState.Running, StartedAt = _time.GetUtcNow() };
            _broadcasts.Update(BroadcastDocuments.Write(running));
            return running;
        }
    }

    private BroadcastRecord? Finish(string broadcastId, BroadcastState to, BroadcastState[] from)
    {
        lock (_gate)
        {
            var broadcast = Get(broadcastId);
            if (broadcast is null || !from.Contains(broadcast.State)) return broadcast;
            var finished = broadcast with { State = to, FinishedAt = broadcast.FinishedAt ?? _time.GetUtcNow(), Final = Counts(broadcastId) };
            _broadcasts.Update(BroadcastDocuments.Write(finished));
            return finished;
        }
    }

    private void Rekey(DeliveryRow row, DeliveryRow moved)
    {
        lock (_gate)
        {
            _database.BeginTrans();
            try
            {
                _rows.Delete(DeliveryKeys.Row(row.BroadcastId, row.Chat));
                // When the new chat already has its row in this broadcast, that one stands for both.
                if (_rows.FindById(DeliveryKeys.Row(moved.BroadcastId, moved.Chat)) is null)
                    _rows.Insert(RowDocuments.Write(moved, EditionOf(row.BroadcastId)));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    private void CountThrottled(string broadcastId)
    {
        lock (_gate)
        {
            if (Get(broadcastId) is { } broadcast)
                _broadcasts.Update(BroadcastDocuments.Write(broadcast with { Throttled = broadcast.Throttled + 1 }));
        }
    }

    private string EditionOf(string broadcastId) =>
        _editions.GetOrAdd(broadcastId, id => Get(id)?.EditionId ?? throw new InvalidOperationException($"Unknown broadcast {id}."));

    // Selecting only the indexed field lets LiteDB answer from the index without reading documents.
    private int CountKey(string field, string key) =>
        _rows.Query().Where($"$.{field} = @0", key).Select($"$.{field}").ToEnumerable().Count();
}
