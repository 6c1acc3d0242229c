using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>The sends in flight on a channel, which bound the duplicates a crash can cause, are limited across broadcasts.</summary>
public sealed class SendsInFlightTests : DeliveryTests
{
    private const int Slots = 4;
    private readonly FakePlatform _telegram;

    public SendsInFlightTests()
    {
        _archive.Publish(MemoryArchive.Edition("2020-03-06"));
        _archive.Publish(MemoryArchive.Edition("2020-03-13"));
        _telegram = new FakePlatform("telegram", _time);
        for (var i = 0; i < 3 * Slots; i++) _chats.Save(TestChats.Subscriber("telegram", Id(i)));
    }

    private static string Id(int i) => (6000 + i).ToString(CultureInfo.InvariantCulture);

    // Pacing out of the way: nothing waits on the (fake, still) clock, only on the sends in flight.
    private static DeliveryOptions Options => new()
    {
        MaxConcurrency = Slots,
        Channels = { ["Telegram"] = new ChannelPacingOptions { MessagesPerSecond = 1000, Burst = 100 } },
    };

    private static BroadcastRecord Running(Deliveries deliveries, string editionId, IEnumerable<int> readers)
    {
        var broadcast = deliveries.Ledger.Prepare(editionId, force: false, DeliveryMode.Edition, "telegram:1");
        return deliveries.Ledger.FinishPreparing(broadcast.Id, readers.Select(i => new ChatKey("telegram", Id(i))));
    }

    [Fact]
    public async Task Two_broadcasts_running_together_never_have_more_than_MaxConcurrency_sends_in_flight_on_a_channel()
    {
        var inFlight = 0;
        var most = 0;
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var over = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The platform holds every message it gets until the test lets it answer.
        _telegram.OnReceived = async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == Slots) full.TrySetResult();
            if (now > Slots) over.TrySetResult();
            await answer.Task;
            Interlocked.Decrement(ref inFlight);
        };
        await using var deliveries = Start();
        var first = Running(deliveries, "2020-03-06", Enumerable.Range(0, 2 * Slots));
        var second = Running(deliveries, "2020-03-13", Enumerable.Range(2 * Slots, Slots));

        var firstRun = deliveries.Runner.RunAsync(first.Id, new RecordingObserver(_time), CancellationToken.None);
        await full.Task.WaitAsync(Patience);
        // The second broadcast reads its rows and waits for a free slot (RunAsync returns at its first wait). Stopped
        // there, it ends having sent nothing; a send it had started would reach the platform all the same.
        using var stop = new CancellationTokenSource();
        var secondRun = deliveries.Runner.RunAsync(second.Id, new RecordingObserver(_time), stop.Token);
        await stop.CancelAsync();
        await Task.WhenAny(secondRun, over.Task).WaitAsync(Patience);

        Assert.Equal(Slots, Volatile.Read(ref most));
        Assert.True(secondRun.IsCompletedSuccessfully);
        Assert.Equal(Slots, deliveries.Ledger.Counts(second.Id).Pending);
        Assert.DoesNotContain(_telegram.Calls, call => string.CompareOrdinal(call.ChatId, Id(2 * Slots)) >= 0);

        answer.SetResult();
        Assert.Equal(BroadcastState.Completed, (await firstRun.WaitAsync(Patience)).State);
        var resumed = await deliveries.Runner.RunAsync(second.Id, new RecordingObserver(_time), CancellationToken.None).WaitAsync(Patience);
        Assert.Equal((BroadcastState.Completed, Slots), (resumed.State, resumed.Sent));
        Assert.Equal(3 * Slots, _telegram.ReceivedPerChat().Count);
        Assert.All(_telegram.ReceivedPerChat().Values, count => Assert.Equal(1, count));
        Assert.Equal(Slots, Volatile.Read(ref most));
    }

    private Deliveries Start() => new(_directory.DatabaseFile, _time, _chats, _archive, [_telegram], Options);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
