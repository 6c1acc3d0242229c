using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>What every store's delivery ledger does: a test class per store derives from it.</summary>
public abstract partial class DeliveryLedgerContract : IDisposable
{
    protected const string Edition = "2020-03-06";

    protected DeliveryLedgerContract(StorageBackend backend)
    {
        Backend = backend;
        Ledger = backend.Ledger(Defaults, Time);
    }

    protected StorageBackend Backend { get; }

    protected IDeliveryLedger Ledger { get; private set; }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private static DeliveryOptions Defaults => new() { MaxConcurrency = 8, RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        Backend.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static IEnumerable<ChatKey> Audience(int count, int from = 0) =>
        Enumerable.Range(from, count).Select(i => new ChatKey("telegram", (1000 + i).ToString(CultureInfo.InvariantCulture)));

    private void Reopen()
    {
        Backend.Reopen();
        Ledger = Backend.Ledger(Defaults, Time);
    }

    private void SendAll(string broadcastId)
    {
        foreach (var row in Ledger.Due(broadcastId, "telegram", Time.GetUtcNow(), 10_000))
            Ledger.Record(row, new SendOutcome.Sent("m"), Time.GetUtcNow());
    }

    [Fact]
    public void Creating_writes_one_pending_row_per_chat_and_runs()
    {
        var broadcast = Ledger.Create(Edition, force: false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal("2020-03-06#1", broadcast.Id);
        Assert.Equal(BroadcastState.Running, broadcast.State);
        Assert.Equal(Time.GetUtcNow(), broadcast.StartedAt);
        Assert.Equal(new DeliveryCounts(50, 0, 0, 0, 0, 0), Ledger.Counts(broadcast.Id));
        Assert.Equal([broadcast.Id], Ledger.Running().Select(running => running.Id));
        Assert.Equal(broadcast.Id, Ledger.RunningFor(Edition)!.Id);
    }

    [Fact]
    public void Chats_already_served_are_left_out_unless_forced()
    {
        var first = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(10));
        SendAll(first.Id);
        Ledger.Complete(first.Id);
        Assert.Equal(10, Ledger.Served(Edition, "telegram"));

        var again = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal("2020-03-06#2", again.Id);
        Assert.Equal(40, Ledger.Counts(again.Id).Pending);
        Assert.Null(Ledger.Row(again.Id, new ChatKey("telegram", "1000")));
        Ledger.Cancel(again.Id);

        var forced = Ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal(50, Ledger.Counts(forced.Id).Pending);
        Assert.True(forced.Force);

        var otherEdition = Ledger.Create("2020-03-13", false, DeliveryMode.Edition, "telegram:7", Audience(50));
        Assert.Equal(50, Ledger.Counts(otherEdition.Id).Pending);
    }

    [Fact]
    public void An_edition_has_one_unfinished_broadcast_at_a_time()
    {
        var first = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3));
        Assert.Throws<InvalidOperationException>(() => Ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(3)));
        Ledger.Cancel(first.Id);
        Assert.Equal("2020-03-06#2", Ledger.Create(Edition, true, DeliveryMode.Edition, "telegram:7", Audience(3)).Id);
    }

    [Fact]
    public void Due_rows_come_earliest_first_in_a_stable_order()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", [.. Audience(5), new ChatKey("teams", "a:1")]);
        var now = Time.GetUtcNow();
        var due = Ledger.Due(broadcast.Id, "telegram", now, 10);
        Assert.Equal(5, due.Count);
        Assert.Equal(due.Select(row => row.Chat), Ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));
        Assert.Single(Ledger.Due(broadcast.Id, "teams", now, 10));

        var throttled = due[0];
        Ledger.Record(throttled, new SendOutcome.RetryAfter(TimeSpan.FromSeconds(10)), now);
        Assert.DoesNotContain(throttled.Chat, Ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));
        Assert.Equal(2, Ledger.Due(broadcast.Id, "telegram", now, 2).Count);

        foreach (var row in due.Skip(1)) Ledger.Record(row, new SendOutcome.Sent("m"), now);
        Assert.Equal(now.AddSeconds(10), Ledger.NextAttemptAt(broadcast.Id, "telegram"));
        Assert.Empty(Ledger.Due(broadcast.Id, "telegram", now.AddSeconds(9), 10));
        Assert.Equal([throttled.Chat], Ledger.Due(broadcast.Id, "telegram", now.AddSeconds(10), 10).Select(row => row.Chat));
        Assert.Equal(1, Ledger.Get(broadcast.Id)!.Throttled);
    }

    [Fact]
    public void Outcomes_are_stored()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(5));
        var now = Time.GetUtcNow();
        var rows = Ledger.Due(broadcast.Id, "telegram", now, 10);
        Ledger.Record(rows[0], new SendOutcome.Sent("m-1"), now);
        Ledger.Record(rows[1], new SendOutcome.Blocked("blocked"), now);
        Ledger.Record(rows[2], new SendOutcome.Gone("chat not found"), now);
        Ledger.Record(rows[3], new SendOutcome.Rejected("can't parse entities"), now);
        Ledger.Record(rows[4], new SendOutcome.Transient("502"), now);
        Reopen();

        Assert.Equal("m-1", Ledger.Row(broadcast.Id, rows[0].Chat)!.MessageId);
        Assert.Equal(DeliveryState.Blocked, Ledger.Row(broadcast.Id, rows[1].Chat)!.State);
        Assert.Equal(DeliveryState.Gone, Ledger.Row(broadcast.Id, rows[2].Chat)!.State);
        Assert.Equal("can't parse entities", Ledger.Row(broadcast.Id, rows[3].Chat)!.LastError);
        var retried = Ledger.Row(broadcast.Id, rows[4].Chat)!;
        Assert.Equal((DeliveryState.Pending, 1, "502"), (retried.State, retried.Attempts, retried.LastError));
        Assert.InRange(retried.NextAttemptAt - now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(new DeliveryCounts(Pending: 1, Sent: 1, Failed: 1, Blocked: 1, Gone: 1, Skipped: 0), Ledger.Counts(broadcast.Id));
    }

    [Fact]
    public void Outcomes_recorded_together_are_stored_as_each_alone_and_returned_in_order()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", [.. Audience(3), new ChatKey("telegram", "-100")]);
        var now = Time.GetUtcNow();
        var rows = Ledger.Due(broadcast.Id, "telegram", now, 10);
        var group = rows.Single(row => row.Chat.Id == "-100");
        var others = rows.Where(row => row != group).ToList();

        var stored = Ledger.RecordAll(
            [(others[0], new SendOutcome.Sent("m-1")), (group, new SendOutcome.Moved("-1001")), (others[1], new SendOutcome.Blocked("blocked")),
                (others[2], new SendOutcome.RetryAfter(TimeSpan.FromSeconds(5)))], now);
        Reopen();

        Assert.Equal([others[0].Chat, new ChatKey("telegram", "-1001"), others[1].Chat, others[2].Chat], stored.Select(row => row.Chat));
        Assert.Equal("m-1", Ledger.Row(broadcast.Id, others[0].Chat)!.MessageId);
        Assert.Equal(DeliveryState.Pending, Ledger.Row(broadcast.Id, new ChatKey("telegram", "-1001"))!.State);
        Assert.Equal(DeliveryState.Blocked, Ledger.Row(broadcast.Id, others[1].Chat)!.State);
        Assert.Equal(1, Ledger.Get(broadcast.Id)!.Throttled);
        Assert.Equal(new DeliveryCounts(Pending: 2, Sent: 1, Failed: 0, Blocked: 1, Gone: 0, Skipped: 0), Ledger.Counts(broadcast.Id));
    }

    [Fact]
    public void A_row_answered_twice_in_one_batch_ends_as_its_last_answer_says_and_a_large_batch_lands_whole()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(600));
        var now = Time.GetUtcNow();
        var rows = Ledger.Due(broadcast.Id, "telegram", now, 600);
        var first = rows[0];

        var stored = Ledger.RecordAll(
            [(first, new SendOutcome.Transient("502")), .. rows.Skip(1).Select(row => (row, (SendOutcome)new SendOutcome.Sent("m-" + row.Chat.Id))),
                (first with { Attempts = 1 }, new SendOutcome.Sent("m-first"))], now);
        Reopen();

        Assert.Equal(601, stored.Count);
        var twice = Ledger.Row(broadcast.Id, first.Chat)!;
        Assert.Equal((DeliveryState.Sent, "m-first"), (twice.State, twice.MessageId));
        Assert.Equal("m-" + rows[^1].Chat.Id, Ledger.Row(broadcast.Id, rows[^1].Chat)!.MessageId);
        Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 600, Failed: 0, Blocked: 0, Gone: 0, Skipped: 0), Ledger.Counts(broadcast.Id));
    }

    [Fact]
    public void A_moved_chat_keeps_its_place_under_its_new_id()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", [new ChatKey("telegram", "-100"), new ChatKey("telegram", "-200"), new ChatKey("telegram", "-1002")]);
        var now = Time.GetUtcNow();
        var moved = Ledger.Record(Ledger.Row(broadcast.Id, new ChatKey("telegram", "-100"))!, new SendOutcome.Moved("-1001"), now);
        Assert.Equal(new ChatKey("telegram", "-1001"), moved.Chat);
        Assert.Null(Ledger.Row(broadcast.Id, new ChatKey("telegram", "-100")));
        Assert.Equal(DeliveryState.Pending, Ledger.Row(broadcast.Id, moved.Chat)!.State);
        Assert.Contains(moved.Chat, Ledger.Due(broadcast.Id, "telegram", now, 10).Select(row => row.Chat));

        // Moved onto a chat that already has its row: one row for both.
        Ledger.Record(Ledger.Row(broadcast.Id, new ChatKey("telegram", "-200"))!, new SendOutcome.Moved("-1002"), now);
        Assert.Equal(2, Ledger.Counts(broadcast.Id).Total);
    }

    [Fact]
    public void Cancelling_and_completing_keep_the_final_counts()
    {
        var cancelled = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(4));
        var row = Ledger.Due(cancelled.Id, "telegram", Time.GetUtcNow(), 1)[0];
        Ledger.Record(row, new SendOutcome.Sent("m"), Time.GetUtcNow());
        Time.Advance(TimeSpan.FromSeconds(5));
        var stopped = Ledger.Cancel(cancelled.Id)!;
        Assert.Equal(BroadcastState.Cancelled, stopped.State);
        Assert.Equal(new DeliveryCounts(3, 1, 0, 0, 0, 0), stopped.Final);
        Assert.Equal(Time.GetUtcNow(), stopped.FinishedAt);
        Assert.Equal(BroadcastState.Cancelled, Ledger.Complete(cancelled.Id)!.State);
        Assert.Empty(Ledger.Running());

        var completed = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(4));
        Assert.Equal(3, Ledger.Counts(completed.Id).Pending);
        SendAll(completed.Id);
        var done = Ledger.Complete(completed.Id)!;
        Assert.Equal((BroadcastState.Completed, 3), (done.State, done.Final!.Sent));
        Assert.Equal([completed.Id, cancelled.Id], Ledger.History(10).Select(broadcast => broadcast.Id));
        Assert.Null(Ledger.Cancel("nope"));
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

        Assert.Throws<IOException>(() => Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Crashing(Audience(12_000), after: 7500)));
        Reopen();
        var preparing = Assert.Single(Ledger.Running());
        Assert.Equal(BroadcastState.Preparing, preparing.State);
        Assert.Equal(7000, Ledger.Counts(preparing.Id).Pending);
        Assert.Throws<InvalidOperationException>(() => Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3)));

        var running = Ledger.FinishPreparing(preparing.Id, Audience(12_000));
        Assert.Equal(BroadcastState.Running, running.State);
        Assert.Equal(12_000, Ledger.Counts(preparing.Id).Pending);
    }

    [Fact]
    public void A_schedule_starts_with_its_broadcast_and_only_once()
    {
        var schedule = Ledger.AddSchedule(new ScheduledBroadcast { Id = "at:x", EditionId = Edition, DueAt = Time.GetUtcNow(), RequestedBy = "telegram:7", CreatedAt = Time.GetUtcNow() });
        Assert.Same(schedule, Ledger.AddSchedule(schedule with { RequestedBy = "someone else" }) is { RequestedBy: "telegram:7" } ? schedule : null);
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3), scheduleId: "at:x");
        var started = Ledger.GetSchedule("at:x")!;
        Assert.Equal((ScheduleState.Started, broadcast.Id), (started.State, started.BroadcastId));
        Assert.Equal("at:x", broadcast.ScheduleId);
        Ledger.Cancel(broadcast.Id);

        Assert.Throws<InvalidOperationException>(() => Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3), scheduleId: "at:x"));
        Assert.Single(Ledger.History(10));
        Assert.Empty(Ledger.PendingSchedules());
        Assert.False(Ledger.SkipSchedule("at:x", "too late", Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_due_schedule_raced_by_two_claimers_is_claimed_by_exactly_one()
    {
        // Two schedulers (threads of the one host a LiteDB file has, or hosts on one PostgreSQL database: the ledger there
        // keeps no lock in memory, each call is on a connection of its own).
        IDeliveryLedger[] claimers = [Ledger, Ledger];
        for (var round = 0; round < 10; round++)
        {
            var edition = $"2020-03-{round + 10}";
            var id = $"at:race{round}";
            Ledger.AddSchedule(new ScheduledBroadcast { Id = id, EditionId = edition, DueAt = Time.GetUtcNow(), RequestedBy = "telegram:7", CreatedAt = Time.GetUtcNow() });
            using var go = new ManualResetEventSlim();
            var claims = claimers.Select(claimer => Task.Run(() =>
            {
                go.Wait();
                try { return claimer.Create(edition, false, DeliveryMode.Edition, "telegram:7", Audience(2), scheduleId: id); }
                catch (InvalidOperationException) { return null; }
            })).ToList();
            // A third party cancels it meanwhile: it is cancelled, or started, never both.
            var cancel = Task.Run(() => { go.Wait(); return Ledger.SkipSchedule(id, "cancelled", Time.GetUtcNow()); });
            go.Set();

            var started = (await Task.WhenAll(claims)).OfType<BroadcastRecord>().ToList();
            var cancelled = await cancel;
            Assert.Equal(1, started.Count + (cancelled ? 1 : 0));
            var schedule = Ledger.GetSchedule(id)!;
            Assert.Equal(cancelled ? (ScheduleState.Skipped, null) : (ScheduleState.Started, started[0].Id), (schedule.State, schedule.BroadcastId));
            Assert.Equal(started.Count, Ledger.History(100).Count(broadcast => broadcast.ScheduleId == id));
        }
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
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Stream());
        watch.Stop();
        Assert.Equal(subscribers, Ledger.Counts(broadcast.Id).Pending);
        Console.WriteLine($"{subscribers} rows in {watch.Elapsed.TotalSeconds:0.0} s, managed heap grew by at most {(peak - before) / 1_000_000.0:0.0} MB");
        Assert.True(peak - before < 100_000_000, $"heap grew by {peak - before} bytes");
    }
}
