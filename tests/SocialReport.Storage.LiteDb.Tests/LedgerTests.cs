using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Storage.LiteDb.Tests;

public sealed class LedgerTests : IDisposable
{
    private const string Edition = "2020-03-06";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private LiteDbStore _database;
    private LiteDbDeliveryLedger _ledger;

    private static DeliveryOptions Defaults => new() { MaxConcurrency = 8, RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(30) };

    public LedgerTests()
    {
        _database = new LiteDbStore(_directory.DatabaseFile);
        _ledger = new LiteDbDeliveryLedger(_database, Options.Create(Defaults), _time);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    private static IEnumerable<ChatKey> Audience(int count, int from = 0) =>
        Enumerable.Range(from, count).Select(i => new ChatKey("telegram", (1000 + i).ToString(CultureInfo.InvariantCulture)));

    private void Reopen()
    {
        _database.Dispose();
        _database = new LiteDbStore(_directory.DatabaseFile);
        _ledger = new LiteDbDeliveryLedger(_database, Options.Create(Defaults), _time);
    }

    private void SendAll(string broadcastId)
    {
        foreach (var row in _ledger.Due(broadcastId, "telegram", _time.GetUtcNow(), 10_000))
            _ledger.Record(row, new SendOutcome.Sent("m"), _time.GetUtcNow());
    }

    [Fact]
    public void Creating_writes_one_pending_row_per_chat_and_runs()
    {
        var broadcast = _ledger.Create(Edition, force: false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal("2020-03-06#1", broadcast.Id);
        Assert.Equal(BroadcastState.Running, broadcast.State);
        Assert.Equal(_time.GetUtcNow(), broadcast.StartedAt);
        Assert.Equal(new DeliveryCounts(50, 0, 0, 0, 0, 0), _ledger.Counts(broadcast.Id));
        Assert.Equal([broadcast.Id], _ledger.Running().Select(running => running.Id));
        Assert.Equal(broadcast.Id, _ledger.RunningFor(Edition)!.Id);
    }

    [Fact]
    public void Chats_already_served_are_left_out_unless_forced()
    {
        var first = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(10));
        SendAll(first.Id);
        _ledger.Complete(first.Id);
        Assert.Equal(10, _ledger.Served(Edition, "telegram"));

        var again = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal("2020-03-06#2", again.Id);
        Assert.Equal(40, _ledger.Counts(again.Id).Pending);
        Assert.Null(_ledger.Row(again.Id, new ChatKey("telegram", "1000")));
        _ledger.Cancel(again.Id);

        var forced = _ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal(50, _ledger.Counts(forced.Id).Pending);
        Assert.True(forced.Force);

        var otherEdition = _ledger.Create("2020-03-13", false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal(50, _ledger.Counts(otherEdition.Id).Pending);
    }

    [Fact]
    public void An_edition_has_one_unfinished_broadcast_at_a_time()
    {
        var first = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3));
        Assert.Throws<InvalidOperationException>(() => _ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(3)));
        _ledger.Cancel(first.Id);
        Assert.Equal("2020-03-06#2", _ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(3)).Id);
    }

    [Fact]
    public void Due_rows_come_earliest_first_in_a_stable_order()
    {
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", [.. Audience(5), new ChatKey("teams", "a:1")]);
        var now = _time.GetUtcNow();
        var due = _ledger.Due(broadcast.Id, "telegram", now, 10);
        Assert.Equal(5, due.Count);
        Assert.Equal(due.Select(row => row.Chat), _ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));
        Assert.Single(_ledger.Due(broadcast.Id, "teams", now, 10));

        var throttled = due[0];
        _ledger.Record(throttled, new SendOutcome.RetryAfter(TimeSpan.FromSeconds(10)), now);
        Assert.DoesNotContain(throttled.Chat, _ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));
        Assert.Equal(2, _ledger.Due(broadcast.Id, "telegram", now, 2).Count);

        foreach (var row in due.Skip(1)) _ledger.Record(row, new SendOutcome.Sent("m"), now);
        Assert.Equal(now.AddSeconds(10), _ledger.NextAttemptAt(broadcast.Id, "telegram"));
        Assert.Empty(_ledger.Due(broadcast.Id, "telegram", now.AddSeconds(9), 10));
        Assert.Equal([throttled.Chat], _ledger.Due(broadcast.Id, "telegram", now.AddSeconds(10), 10).Select(row => row.Chat));
        Assert.Equal(1, _ledger.Get(broadcast.Id)!.Throttled);
    }

    [Fact]
    public void Due_rows_and_counts_are_read_off_indexes()
    {
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(20));
        var due = _ledger.DueQuery(broadcast.Id, "telegram", _time.GetUtcNow(), 5).GetPlan();
        Assert.Equal("$.due", due["index"]["expr"].AsString);
        Assert.False(due.ContainsKey("orderBy"), due.ToString());

        var count = _ledger.StateCountQuery(broadcast.Id, "telegram", DeliveryState.Pending).GetPlan();
        Assert.Equal("index", count["lookup"]["loader"].AsString);
        Assert.Equal("$.stateKey", count["index"]["expr"].AsString);
    }

    [Fact]
    public void Outcomes_are_stored()
    {
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(5));
        var now = _time.GetUtcNow();
        var rows = _ledger.Due(broadcast.Id, "telegram", now, 10);
        _ledger.Record(rows[0], new SendOutcome.Sent("m-1"), now);
        _ledger.Record(rows[1], new SendOutcome.Blocked("blocked"), now);
        _ledger.Record(rows[2], new SendOutcome.Gone("chat not found"), now);
        _ledger.Record(rows[3], new SendOutcome.Rejected("can't parse entities"), now);
        _ledger.Record(rows[4], new SendOutcome.Transient("502"), now);
        Reopen();

        Assert.Equal("m-1", _ledger.Row(broadcast.Id, rows[0].Chat)!.MessageId);
        Assert.Equal(DeliveryState.Blocked, _ledger.Row(broadcast.Id, rows[1].Chat)!.State);
        Assert.Equal(DeliveryState.Gone, _ledger.Row(broadcast.Id, rows[2].Chat)!.State);
        Assert.Equal("can't parse entities", _ledger.Row(broadcast.Id, rows[3].Chat)!.LastError);
        var retried = _ledger.Row(broadcast.Id, rows[4].Chat)!;
        Assert.Equal((DeliveryState.Pending, 1, "502"), (retried.State, retried.Attempts, retried.LastError));
        Assert.InRange(retried.NextAttemptAt - now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(new DeliveryCounts(Pending: 1, Sent: 1, Failed: 1, Blocked: 1, Gone: 1, Skipped: 0), _ledger.Counts(broadcast.Id));
    }

    [Fact]
    public void A_moved_chat_keeps_its_place_under_its_new_id()
    {
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", [new ChatKey("telegram", "-100"), new ChatKey("telegram", "-200"), new ChatKey("telegram", "-1002")]);
        var now = _time.GetUtcNow();
        var moved = _ledger.Record(_ledger.Row(broadcast.Id, new ChatKey("telegram", "-100"))!, new SendOutcome.Moved("-1001"), now);
        Assert.Equal(new ChatKey("telegram", "-1001"), moved.Chat);
        Assert.Null(_ledger.Row(broadcast.Id, new ChatKey("telegram", "-100")));
        Assert.Equal(DeliveryState.Pending, _ledger.Row(broadcast.Id, moved.Chat)!.State);
        Assert.Contains(moved.Chat, _ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));

        // Moved onto a chat that already has its row: one row for both.
        _ledger.Record(_ledger.Row(broadcast.Id, new ChatKey("telegram", "-200"))!, new SendOutcome.Moved("-1002"), now);
        Assert.Equal(2, _ledger.Counts(broadcast.Id).Total);
    }

    [Fact]
    public void Cancelling_and_completing_keep_the_final_counts()
    {
        var cancelled = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(4));
        var row = _ledger.Due(cancelled.Id, "telegram", _time.GetUtcNow(), 1)[0];
        _ledger.Record(row, new SendOutcome.Sent("m"), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(5));
        var stopped = _ledger.Cancel(cancelled.Id)!;
        Assert.Equal(BroadcastState.Cancelled, stopped.State);
        Assert.Equal(new DeliveryCounts(3, 1, 0, 0, 0, 0), stopped.Final);
        Assert.Equal(_time.GetUtcNow(), stopped.FinishedAt);
        Assert.Equal(BroadcastState.Cancelled, _ledger.Complete(cancelled.Id)!.State);
        Assert.Empty(_ledger.Running());

        var completed = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(4));
        Assert.Equal(3, _ledger.Counts(completed.Id).Pending);
        SendAll(completed.Id);
        var done = _ledger.Complete(completed.Id)!;
        Assert.Equal((BroadcastState.Completed, 3), (done.State, done.Final!.Sent));
        Assert.Equal([completed.Id, cancelled.Id], _ledger.History(10).Select(broadcast => broadcast.Id));
        Assert.Null(_ledger.Cancel("nope"));
    }

    [Fact]
    public void A_broadcast_interrupted_while_preparing_is_finished_without_duplicates()
    {
        static IEnumerable<ChatKey> Crashing(IEnumerable<ChatKey> chats, int after)
        {
            var given = 0;
            foreach (var chat in chats)
            {
                if (given++ == after) throw new IOException("killed while writing rows");
                yield return chat;
            }
        }

        Assert.Throws<IOException>(() => _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Crashing(Audience(12_000), after: 7500)));
        Reopen();
        var preparing = Assert.Single(_ledger.Running());
        Assert.Equal(BroadcastState.Preparing, preparing.State);
        Assert.Equal(5000, _ledger.Counts(preparing.Id).Pending);
        Assert.Throws<InvalidOperationException>(() => _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3)));

        var running = _ledger.FinishPreparing(preparing.Id, Audience(12_000));
        Assert.Equal(BroadcastState.Running, running.State);
        Assert.Equal(12_000, _ledger.Counts(preparing.Id).Pending);
    }

    [Fact]
    public void A_schedule_starts_with_its_broadcast_and_only_once()
    {
        var schedule = _ledger.AddSchedule(new ScheduledBroadcast { Id = "at:x", EditionId = Edition, DueAt = _time.GetUtcNow(), RequestedBy = "telegram:7", CreatedAt = _time.GetUtcNow() });
        Assert.Same(schedule, _ledger.AddSchedule(schedule with { RequestedBy = "someone else" }) is { RequestedBy: "telegram:7" } ? schedule : null);
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3), scheduleId: "at:x");
        var started = _ledger.GetSchedule("at:x")!;
        Assert.Equal((ScheduleState.Started, broadcast.Id), (started.State, started.BroadcastId));
        Assert.Equal("at:x", broadcast.ScheduleId);
        _ledger.Cancel(broadcast.Id);

        Assert.Throws<InvalidOperationException>(() => _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3), scheduleId: "at:x"));
        Assert.Single(_ledger.History(10));
        Assert.Empty(_ledger.PendingSchedules());
        Assert.False(_ledger.SkipSchedule("at:x", "too late", _time.GetUtcNow()));
    }

    /// <summary>20 000 always; 100 000 as a benchmark when DELIVERY_BENCHMARK=1 (about 15 s on two cores).</summary>
    public static TheoryData<int> Audiences() =>
        Environment.GetEnvironmentVariable("DELIVERY_BENCHMARK") == "1" ? [20_000, 100_000] : [20_000];

    [Theory]
    [MemberData(nameof(Audiences))]
    public void A_large_audience_is_streamed_and_written_in_batches(int subscribers)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        IEnumerable<ChatKey> Stream()
        {
            for (var i = 0; i < subscribers; i++)
            {
                if (i % 10_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                yield return new ChatKey("telegram", (100_000_000 + i).ToString(CultureInfo.InvariantCulture));
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var broadcast = _ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Stream());
        watch.Stop();
        Assert.Equal(subscribers, _ledger.Counts(broadcast.Id).Pending);
        Console.WriteLine($"{subscribers} rows in {watch.Elapsed.TotalSeconds:0.0} s, managed heap grew by at most {(peak - before) / 1_000_000.0:0.0} MB");
        Assert.True(peak - before < 100_000_000, $"heap grew by {peak - before} bytes");
    }
}
