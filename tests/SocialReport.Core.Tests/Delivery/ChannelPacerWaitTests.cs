using System.Net;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

/// <summary>How waiters wait for a place, and when an answered message starts counting.</summary>
public class ChannelPacerWaitTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private static Chat Private(int id) => new() { Key = new ChatKey("telegram", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UnixEpoch };

    /// <summary>Only the per-chat window binds: 1 000 messages a second for the bot, one a second per chat.</summary>
    private static ChannelPacingOptions PerChatOnly(double roundTripCredit = 0.5) =>
        new() { MessagesPerSecond = 1000, Burst = 1000, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Channel, RoundTripCredit = roundTripCredit };

    private ChannelPacer Pacer(ChannelPacingOptions options, TimeProvider? time = null) => new("telegram", options, new AdaptivePacingOptions(), time ?? _time);

    [Fact]
    public async Task Waiters_for_one_window_sleep_on_one_timer_and_each_place_that_frees_wakes_one_of_them_at_its_moment()
    {
        var time = new CountingTime(_time);
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 3, Burst = 3, RoundTripCredit = 0 }, time);
        var start = _time.GetUtcNow();
        for (var id = 1; id <= 3; id++)
        {
            using var permit = pacer.TryAcquire(Private(id), null, 1, out _)!;
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        // The window holds answers of 10, 20 and 30 ms: its places free at 1.01, 1.02 and 1.03 s.
        var waiters = Enumerable.Range(10, 8).Select(id => pacer.AcquireAsync(Private(id), null, 1, CancellationToken.None)).ToList();
        Assert.Equal(1, time.Timers);

        var places = new[] { 1010, 1020, 1030, 2010, 2020, 2030, 3010, 3020 };
        for (var i = 0; i < places.Length; i++)
        {
            // The next waiter to sleep on the clock does so once the last one went: wait for its timer, then move to the place.
            Assert.True(SpinWait.SpinUntil(() => time.Timers == i + 1, Guard), $"no waiter sleeps for place {i + 1}");
            _time.Advance(start + TimeSpan.FromMilliseconds(places[i]) - _time.GetUtcNow());
            var granted = await Task.WhenAny(waiters).WaitAsync(Guard);
            waiters.Remove(granted);
            // Answered at once: it counts from now, so its place frees a second later.
            (await granted).Dispose();
            Assert.DoesNotContain(waiters, waiter => waiter.IsCompleted);
        }
        Assert.Equal(places.Length, time.Timers);
    }

    [Fact]
    public async Task Waiters_of_two_tenants_each_go_at_their_own_moment()
    {
        var time = new CountingTime(_time);
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 1000, Burst = 1000, PerPacingGroup = "1/1s", RoundTripCredit = 0 }, time);
        var start = _time.GetUtcNow();
        var first = pacer.TryAcquire(Private(1), "tenant-a", 1, out _)!;
        _time.Advance(TimeSpan.FromMilliseconds(10));
        pacer.TryAcquire(Private(2), "tenant-b", 1, out _)!.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(40));
        first.Dispose();
        // Tenant a frees at 1.05 s, tenant b at 1.01 s; each has a waiter sleeping for it and one more behind.
        var a1 = pacer.AcquireAsync(Private(3), "tenant-a", 1, CancellationToken.None);
        var b1 = pacer.AcquireAsync(Private(4), "tenant-b", 1, CancellationToken.None);
        var a2 = pacer.AcquireAsync(Private(5), "tenant-a", 1, CancellationToken.None);
        var b2 = pacer.AcquireAsync(Private(6), "tenant-b", 1, CancellationToken.None);
        Assert.Equal(2, time.Timers);

        _time.Advance(start + TimeSpan.FromMilliseconds(1010) - _time.GetUtcNow());
        (await b1.WaitAsync(Guard)).Dispose();
        _time.Advance(start + TimeSpan.FromMilliseconds(1050) - _time.GetUtcNow());
        (await a1.WaitAsync(Guard)).Dispose();
        // Now tenant b frees at 2.01 s and tenant a at 2.05 s: the waiters behind go then (the clock moves in small
        // steps, as a waiter may set its timer only once it moved on).
        while ((!b2.IsCompleted || !a2.IsCompleted) && _time.GetUtcNow() < start + TimeSpan.FromSeconds(3))
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        using var a = await a2.WaitAsync(Guard);
        using var b = await b2.WaitAsync(Guard);
        Assert.True(b.SentAt >= start + TimeSpan.FromMilliseconds(2010), "tenant b went before its place freed");
        Assert.True(a.SentAt >= start + TimeSpan.FromMilliseconds(2050), "tenant a went before its place freed");
    }

    [Fact]
    public async Task A_waiter_goes_at_its_moment_and_not_at_the_next_whole_millisecond()
    {
        var pacer = Pacer(PerChatOnly());
        // 101 answers after 41 ms: a credit of 20.5 ms, so chat 101 counts from 20.5 ms before its answer.
        var permits = Enumerable.Range(1, 101).Select(id => pacer.TryAcquire(Private(id), null, 1, out _)!).ToList();
        _time.Advance(TimeSpan.FromMilliseconds(41));
        permits.ForEach(permit => permit.Dispose());
        Assert.Equal(TimeSpan.FromMilliseconds(20.5), pacer.WindowCredit);

        var acquire = pacer.AcquireAsync(Private(101), null, 1, CancellationToken.None);
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(979.5));
        using var permit = await acquire.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_message_counts_from_when_its_answer_arrived_not_from_when_the_sender_was_done_with_it()
    {
        var pacer = Pacer(PerChatOnly(roundTripCredit: 0));
        using var http = new HttpClient(new PacedAnswerHandler(_time) { InnerHandler = new Answering() });

        async Task SendAsync()
        {
            using var permit = await pacer.AcquireAsync(Private(1), null, 1, CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(30));
            using var response = await http.GetAsync(new Uri("http://platform.invalid/sendMessage"));
            // The sender reads the answer, and its continuation waits for a thread, before it disposes the permit.
            _time.Advance(TimeSpan.FromMilliseconds(200));
        }

        await SendAsync();
        pacer.TryAcquire(Private(1), null, 1, out var wait);
        Assert.Equal(TimeSpan.FromMilliseconds(800), wait);
    }

    [Fact]
    public async Task An_answer_on_a_flow_without_a_paced_send_stamps_nothing()
    {
        var pacer = Pacer(PerChatOnly(roundTripCredit: 0));
        using var http = new HttpClient(new PacedAnswerHandler(_time) { InnerHandler = new Answering() });
        var permit = pacer.TryAcquire(Private(1), null, 1, out _)!;
        using (await http.GetAsync(new Uri("http://platform.invalid/getMe"))) { }
        _time.Advance(TimeSpan.FromMilliseconds(200));
        permit.Dispose();
        pacer.TryAcquire(Private(1), null, 1, out var wait);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }

    /// <summary>A fake clock that counts the timers set on it.</summary>
    private sealed class CountingTime(FakeTimeProvider inner) : TimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Counted once set: a test that moves the clock on once it sees the timer must not set it from the later time.
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }
}
