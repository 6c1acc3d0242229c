using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using static SocialReport.Testing.TimeWindows;

namespace SocialReport.EndToEnd.Tests.Delivery;

public sealed class BroadcastTests : DeliveryTests
{
    private readonly FakePlatform _telegram;

    public BroadcastTests()
    {
        _archive.Publish(MemoryArchive.Edition(Edition));
        _telegram = new FakePlatform("telegram", _time, seed: 42);
        for (var i = 0; i < 200; i++) _chats.Save(TestChats.Subscriber("telegram", Id(i)));
        _chats.Save(TestChats.Subscriber("console", "me"));
    }

    private static string Id(int i) => (5000 + i).ToString(CultureInfo.InvariantCulture);

    private Deliveries Start(DeliveryOptions? options = null, bool killable = false) =>
        new(_directory.DatabaseFile, _time, _chats, _archive, [_telegram], options, killable);

    private static IEnumerable<string> Subscribers => Enumerable.Range(0, 200).Select(Id);

    [Fact]
    public async Task Every_subscriber_gets_the_edition_once_despite_429s_5xx_blocked_and_moved_chats()
    {
        var blocked = Subscribers.Where((_, i) => i % 20 == 7).ToHashSet();
        _telegram.Blocked.UnionWith(blocked);
        _telegram.Moves[Id(3)] = "-100" + Id(3);
        _telegram.ThrottleRate = 0.02;
        _telegram.TransientRate = 0.05;
        var observer = new RecordingObserver(_time);

        await using var deliveries = Start();
        await using var clock = new ClockDriver(_time, Step);
        var start = await deliveries.Service.StartAsync(Edition, force: false, "telegram:1", observer);
        Assert.False(start.AlreadyRunning);
        var summary = await observer.Finished.Task.WaitAsync(Patience);

        var received = _telegram.ReceivedPerChat();
        var expected = Subscribers.Except(blocked).Select(id => id == Id(3) ? "-100" + Id(3) : id).ToHashSet();
        Assert.Equal(expected.Order(), received.Keys.Order());
        Assert.All(received.Values, count => Assert.Equal(1, count));
        Assert.Equal(10, blocked.Count);
        Assert.All(blocked, id => Assert.Equal(SubscriptionState.Blocked, _chats.Get(new ChatKey("telegram", id))!.State));
        Assert.NotNull(_chats.Get(new ChatKey("telegram", "-100" + Id(3))));
        Assert.False(_telegram.Calls.Any(call => call.ChatId == "me"), "console chats are never broadcast to");

        var counts = deliveries.Ledger.Counts(start.Broadcast.Id);
        Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 190, Failed: 0, Blocked: 10, Gone: 0, Skipped: 0), counts);
        Assert.Equal(BroadcastState.Completed, summary.State);
        Assert.Equal(counts, summary.Counts);
        Assert.Equal(_telegram.Throttled, summary.Throttled);
        Assert.True(summary.Throttled > 0);

        // The platform's own limits, on its clock: one message a second per chat, about 30 a second in all.
        foreach (var calls in _telegram.Calls.GroupBy(call => call.ChatId))
        {
            var times = calls.Select(call => call.At).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"chat {calls.Key} twice within a second"));
        }
        Assert.InRange(MostInAnyWindow(_telegram.Calls.Select(call => call.At), TimeSpan.FromSeconds(1)), 1, 31);

        var reports = observer.Reports.Select(report => report.At).ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Progress_reports_keep_the_counts_from_the_answers_without_counting_the_ledger_again()
    {
        _telegram.Blocked.UnionWith(Subscribers.Where((_, i) => i % 20 == 7));
        var observer = new RecordingObserver(_time);

        await using var deliveries = Start(killable: true);
        await using var clock = new ClockDriver(_time, Step);
        var start = await deliveries.Service.StartAsync(Edition, force: false, "telegram:1", observer);
        var summary = await observer.Finished.Task.WaitAsync(Patience);

        var reports = observer.Reports.Select(report => report.Progress).ToList();
        Assert.True(reports.Count >= 3, $"{reports.Count} reports");
        Assert.All(reports, progress => Assert.Equal(summary.Total, progress.Total));
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Counts.Done >= pair.First.Counts.Done));
        Assert.Contains(reports, progress => progress.Sent > 0 && progress.Blocked > 0 && progress.Remaining > 0);
        Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 190, Failed: 0, Blocked: 10, Gone: 0, Skipped: 0), summary.Counts);
        // Once for the first report; each later one is kept from the runner's own answers.
        Assert.True(deliveries.Killable!.CountsRead <= 2, $"the ledger's counts read {deliveries.Killable.CountsRead} times for {reports.Count} reports");
        Assert.Equal(start.Broadcast.Id, summary.BroadcastId);
    }

    [Fact]
    public async Task Cancelled_then_broadcast_again_sends_only_to_the_rest()
    {
        var halfway = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        // From the 60th message on, the platform holds its answers until the editor has cancelled: the sends in flight
        // then, and only they, get through.
        _telegram.OnReceived = async _ =>
        {
            if (_telegram.Received.Count < 60) return;
            halfway.TrySetResult();
            await cancelled.Task;
        };
        var inFlight = Deliveries.Defaults().MaxConcurrency;
        await using var deliveries = Start();
        await using (new ClockDriver(_time, Step))
        {
            var observer = new RecordingObserver(_time);
            var first = await deliveries.Service.StartAsync(Edition, false, "telegram:1", observer);
            await halfway.Task.WaitAsync(Patience);
            Assert.Equal(BroadcastState.Cancelled, deliveries.Service.Cancel(first.Broadcast.Id)!.State);
            cancelled.SetResult();
            var summary = await observer.Finished.Task.WaitAsync(Patience);
            Assert.Equal(BroadcastState.Cancelled, summary.State);
            var sentBefore = _telegram.Received.Count;
            Assert.InRange(sentBefore, 60, 60 + inFlight - 1);
            Assert.Equal(sentBefore, summary.Sent);
            Assert.Equal(200 - sentBefore, summary.Remaining);

            _telegram.OnReceived = null;
            var again = await deliveries.Service.StartAsync(Edition, false, "telegram:1");
            Assert.Equal("2020-03-06#2", again.Broadcast.Id);
            var end = await deliveries.Service.WaitAsync(again.Broadcast.Id).WaitAsync(Patience);
            Assert.Equal(200 - sentBefore, end!.Sent);
        }
        Assert.All(_telegram.ReceivedPerChat().Values, count => Assert.Equal(1, count));
        Assert.Equal(200, _telegram.ReceivedPerChat().Count);
        Assert.Equal(2, deliveries.Service.History(10).Count);
    }

    [Fact]
    public async Task Forcing_sends_again_to_everyone_and_a_second_request_joins_the_running_one()
    {
        await using var deliveries = Start();
        await using (new ClockDriver(_time, Step))
        {
            var first = await deliveries.Service.StartAsync(Edition, false, "telegram:1");
            var second = await deliveries.Service.StartAsync(Edition, true, "telegram:2");
            Assert.True(second.AlreadyRunning);
            Assert.Equal(first.Broadcast.Id, second.Broadcast.Id);
            await deliveries.Service.WaitAsync(first.Broadcast.Id).WaitAsync(Patience);

            var unforced = await deliveries.Service.StartAsync(Edition, false, "telegram:1");
            Assert.Equal(0, (await deliveries.Service.WaitAsync(unforced.Broadcast.Id).WaitAsync(Patience))!.Total);

            var forced = await deliveries.Service.StartAsync(Edition, true, "telegram:1");
            Assert.Equal(200, (await deliveries.Service.WaitAsync(forced.Broadcast.Id).WaitAsync(Patience))!.Sent);
        }
        Assert.All(_telegram.ReceivedPerChat().Values, count => Assert.Equal(2, count));
    }

    [Fact]
    public async Task A_restart_mid_broadcast_skips_no_one_and_duplicates_at_most_the_sends_in_flight()
    {
        var options = Deliveries.Defaults();
        var kill = new TaskCompletionSource();
        var killed = new TaskCompletionSource();
        var held = 0;
        // From the 73rd message on, the platform gets messages but the host dies before hearing back: as many
        // sends as can be in flight pile up, then the kill comes.
        _telegram.OnReceived = async _ =>
        {
            if (_telegram.Received.Count <= 72) return;
            if (Interlocked.Increment(ref held) == options.MaxConcurrency) kill.TrySetResult();
            await killed.Task;
        };
        var first = Start(options, killable: true);
        await using (new ClockDriver(_time, Step))
        {
            await first.Service.StartAsync(Edition, false, "telegram:1");
            await kill.Task.WaitAsync(Patience);
            // SIGKILL: nothing more leaves the process nor reaches its ledger; the sends in flight got through.
            _telegram.Unplugged = true;
            first.Killable!.Kill();
            killed.SetResult();
            await first.DisposeAsync();
        }
        var beforeRestart = _telegram.ReceivedPerChat();
        Assert.Equal(72 + options.MaxConcurrency, beforeRestart.Count);
        _telegram.OnReceived = null;
        _telegram.Unplugged = false;

        await using var second = Start(options);
        await using (new ClockDriver(_time, Step))
        {
            var unfinished = Assert.Single(second.Service.Running());
            await second.Service.ResumeAsync(CancellationToken.None);
            var end = await second.Service.WaitAsync(unfinished.Id).WaitAsync(Patience);
            Assert.Equal(BroadcastState.Completed, end!.State);
            Assert.Equal(200, end.Sent);
        }
        var received = _telegram.ReceivedPerChat();
        Assert.Equal(Subscribers.Order(), received.Keys.Order());
        var duplicates = received.Values.Sum(count => count - 1);
        Console.WriteLine($"restart: {beforeRestart.Count} served before the kill, {duplicates} duplicates");
        Assert.InRange(duplicates, 1, options.MaxConcurrency);
    }

    [Fact]
    public async Task Rendering_errors_and_unsubscribed_readers_do_not_stop_the_broadcast()
    {
        _telegram.Broken.Add(Id(10));
        var stopped = _chats.Get(new ChatKey("telegram", Id(11)))!;
        await using var deliveries = Start();
        await using (new ClockDriver(_time, Step))
        {
            var broadcast = deliveries.Ledger.Prepare(Edition, false, DeliveryMode.Edition, "telegram:1");
            deliveries.Ledger.FinishPreparing(broadcast.Id, Subscribers.Select(id => new ChatKey("telegram", id)));
            _chats.Save(stopped with { State = SubscriptionState.Stopped });
            await deliveries.Service.ResumeAsync(CancellationToken.None);
            var end = await deliveries.Service.WaitAsync(broadcast.Id).WaitAsync(Patience);
            Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 198, Failed: 1, Blocked: 0, Gone: 0, Skipped: 1), end!.Counts);
            var failed = deliveries.Ledger.Row(broadcast.Id, new ChatKey("telegram", Id(10)))!;
            Assert.Equal((DeliveryState.Failed, 1), (failed.State, failed.Attempts));
            Assert.Contains("the renderer choked", failed.LastError, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Id(11), _telegram.Calls.Select(call => call.ChatId));
    }

    [Fact]
    public async Task The_plan_counts_the_audience_and_what_is_left_to_send()
    {
        _chats.Save(TestChats.Subscriber("telegram", "-77", ChatKind.Group));
        await using var deliveries = Start();
        var plan = deliveries.Service.Plan(Edition, force: false)!;
        var telegram = Assert.Single(plan.Channels);
        Assert.Equal((200, 1, 0, 201), (telegram.Private, telegram.Groups, telegram.AlreadyServed, telegram.ToSend));
        Assert.InRange(plan.EstimatedDuration, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8));
        Assert.Null(deliveries.Service.Plan("1999-01-01", force: false));

        await using (new ClockDriver(_time, Step))
        {
            var start = await deliveries.Service.StartAsync(Edition, false, "telegram:1");
            await deliveries.Service.WaitAsync(start.Broadcast.Id).WaitAsync(Patience);
        }
        var after = deliveries.Service.Plan(Edition, force: false)!.Channels[0];
        Assert.Equal((201, 0), (after.AlreadyServed, after.ToSend));
        Assert.Equal(201, deliveries.Service.Plan(Edition, force: true)!.Channels[0].ToSend);
    }
}
