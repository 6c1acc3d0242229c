using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>Friday 27 November 2026, 8:00 UTC: 9:00 in Paris (the default zone), 3:00 in New York.</summary>
public sealed class QuietHoursTests : DeliveryTests
{
    private static readonly ChatKey Parisian = new("telegram", "7001");
    private static readonly ChatKey NewYorker = new("telegram", "7002");
    private static readonly DateTimeOffset ParisMorningEnds = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYorkNightEnds = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    // Fake time at 20 times the wall clock's pace, not as fast as it can: the hours must not be over before the test looks.
    private static readonly TimeSpan Paced = TimeSpan.FromMilliseconds(1);
    private readonly FakePlatform _telegram;

    public QuietHoursTests()
    {
        _archive.Publish(MemoryArchive.Edition(Edition));
        _telegram = new FakePlatform("telegram", _time);
        for (var i = 0; i < 10; i++) _chats.Save(TestChats.Subscriber("telegram", (5000 + i).ToString(CultureInfo.InvariantCulture)));
        _chats.Save(TestChats.Subscriber("telegram", Parisian.Id) with { QuietHours = Hours("08:00-11:00") });
        _chats.Save(TestChats.Subscriber("telegram", NewYorker.Id) with { QuietHours = Hours("22:00-07:00"), TimeZone = "America/New_York" });
    }

    private static QuietHours Hours(string text) => QuietHours.TryParse(text, out var hours) ? hours.Value : throw new FormatException(text);

    private Deliveries Start() => new(_directory.DatabaseFile, _time, _chats, _archive, [_telegram]);

    [Fact]
    public async Task Quiet_hours_hold_a_delivery_until_they_end_and_a_restart_in_between_neither_loses_nor_repeats_it()
    {
        var first = Start();
        var observer = new WaitingObserver();
        string broadcastId;
        await using (new ClockDriver(_time, Step, Paced))
        {
            broadcastId = (await first.Service.StartAsync(Edition, false, "telegram:1", observer)).Broadcast.Id;
            var status = await observer.Seen.Task.WaitAsync(Patience);
            Assert.Equal((10, 2, 2), (status.Sent, status.Remaining, status.Waiting));
        }
        await first.DisposeAsync();

        Assert.Equal(10, _telegram.Received.Count);
        Assert.DoesNotContain(_telegram.Calls, call => call.ChatId == Parisian.Id || call.ChatId == NewYorker.Id);
        await using var second = Start();
        var held = second.Ledger.Row(broadcastId, Parisian)!;
        Assert.Equal((DeliveryState.Pending, 0, ParisMorningEnds), (held.State, held.Attempts, held.NextAttemptAt));
        Assert.Contains("quiet hours", held.LastError, StringComparison.Ordinal);
        Assert.Equal(NewYorkNightEnds, second.Ledger.Row(broadcastId, NewYorker)!.NextAttemptAt);

        var parisian = Received(Parisian.Id);
        await second.Service.ResumeAsync(CancellationToken.None);
        _time.SetUtcNow(ParisMorningEnds.AddSeconds(-5));
        await using (new ClockDriver(_time, Step, Paced)) await parisian.WaitAsync(Patience);
        Assert.DoesNotContain(_telegram.Calls, call => call.ChatId == NewYorker.Id);

        _time.SetUtcNow(NewYorkNightEnds.AddSeconds(-5));
        BroadcastProgress? end;
        await using (new ClockDriver(_time, Step, Paced)) end = await second.Service.WaitAsync(broadcastId).WaitAsync(Patience);

        Assert.Equal(BroadcastState.Completed, end!.State);
        Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 12, Failed: 0, Blocked: 0, Gone: 0, Skipped: 0), end.Counts);
        Assert.All(_telegram.ReceivedPerChat().Values, count => Assert.Equal(1, count));
        Assert.True(_telegram.Received.Single(message => message.ChatId == Parisian.Id).At >= ParisMorningEnds);
        Assert.True(_telegram.Received.Single(message => message.ChatId == NewYorker.Id).At >= NewYorkNightEnds);
    }

    [Fact]
    public async Task A_host_that_slept_through_the_end_of_quiet_hours_sends_within_a_minute_of_waking()
    {
        var clock = new SleepingClock(_time);
        await using var deliveries = new Deliveries(_directory.DatabaseFile, clock, _chats, _archive, [_telegram]);
        var observer = new WaitingObserver();
        await using (new ClockDriver(_time, Step, Paced))
        {
            await deliveries.Service.StartAsync(Edition, false, "telegram:1", observer);
            await observer.Seen.Task.WaitAsync(Patience);
        }

        var parisian = Received(Parisian.Id);
        var woke = _time.GetUtcNow();
        clock.Sleep(ParisMorningEnds - woke);
        await using (new ClockDriver(_time, Step, Paced)) await parisian.WaitAsync(Patience);

        // Within the minute a wait is trusted to a timer, and the host's own work at 20 times its pace; not two hours late.
        var late = _telegram.Received.Single(message => message.ChatId == Parisian.Id).At - woke;
        Assert.InRange(late, TimeSpan.Zero, TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(_telegram.Calls, call => call.ChatId == NewYorker.Id);
    }

    private Task Received(string chatId)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _telegram.OnReceived = id =>
        {
            if (id == chatId) received.TrySetResult();
            return Task.CompletedTask;
        };
        return received.Task;
    }

    /// <summary>The editor's status once every reader outside quiet hours is served.</summary>
    private sealed class WaitingObserver : IBroadcastObserver
    {
        public TaskCompletionSource<BroadcastProgress> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken)
        {
            if (progress.Sent == 10 && progress.Waiting == 2) Seen.TrySetResult(progress);
            return Task.CompletedTask;
        }

        public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
