using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

public class ChannelPacerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private static readonly ChannelPacingOptions Telegram = new DeliveryOptions().Telegram;
    private static readonly ChannelPacingOptions Exact = new() { MessagesPerSecond = 30, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Channel, Headroom = 1 };

    private ChannelPacer Pacer(ChannelPacingOptions? options = null, AdaptivePacingOptions? adaptive = null) =>
        new("telegram", options ?? Telegram, adaptive ?? Halving, _time);

    /// <summary>The figures these tests reason with: halve after a 429, climb 10 % after each 5 s without one.</summary>
    private static readonly AdaptivePacingOptions Halving = new() { DecreaseFactor = 0.5, QuietPeriod = TimeSpan.FromSeconds(5) };

    private static Chat Private(int id) => new() { Key = new ChatKey("telegram", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UnixEpoch };

    private static Chat Group(int id) => Private(id) with { Kind = ChatKind.Group };

    /// <summary>Tries every chat at each step of fake time; returns when each grant happened.</summary>
    private List<(DateTimeOffset At, ChatKey Chat)> Drive(ChannelPacer pacer, IReadOnlyList<Chat> chats, TimeSpan duration, int messages = 1, string? group = null)
    {
        var grants = new List<(DateTimeOffset, ChatKey)>();
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() < end)
        {
            foreach (var chat in chats)
                if (pacer.TryAcquire(chat, group, messages) == TimeSpan.Zero) grants.Add((_time.GetUtcNow(), chat.Key));
            _time.Advance(Step);
        }
        return grants;
    }

    private static int MostInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < window) end++;
            most = Math.Max(most, end - start);
        }
        return most;
    }

    [Fact]
    public void One_chat_gets_at_most_one_message_per_second()
    {
        var grants = Drive(Pacer(), [Private(1)], TimeSpan.FromSeconds(10));
        Assert.InRange(grants.Count, 10, 11);
        Assert.All(grants.Zip(grants.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_bot_stays_within_its_overall_rate_and_reaches_it()
    {
        var chats = Enumerable.Range(1, 400).Select(Private).ToList();
        var grants = Drive(Pacer(), chats, TimeSpan.FromSeconds(10));
        Assert.Equal(30, MostInAnyWindow(grants.Select(grant => grant.At), TimeSpan.FromSeconds(1)));
        Assert.InRange(grants.Count, 0.95 * 300, 300);
    }

    [Fact]
    public void Paid_broadcasts_lift_the_overall_rate()
    {
        var paid = new ChannelPacingOptions { MessagesPerSecond = 30, PaidBroadcast = true, PaidMessagesPerSecond = 1000, Burst = 10, PerChat = "1/1s", Headroom = 1 };
        var grants = Drive(Pacer(paid), Enumerable.Range(1, 3000).Select(Private).ToList(), TimeSpan.FromSeconds(2));
        Assert.InRange(grants.Count, 1900, 2030);
    }

    [Fact]
    public void A_429_halves_the_pace_once_per_cooldown_then_it_climbs_back_after_quiet_periods()
    {
        var pacer = Pacer(Exact);
        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(1));
        pacer.OnThrottled(Private(2), null, TimeSpan.FromSeconds(1));
        Assert.Equal(15, pacer.CurrentRate);
        Assert.Equal(2, pacer.Throttled);

        _time.Advance(TimeSpan.FromSeconds(2));
        pacer.OnThrottled(Private(3), null, TimeSpan.FromSeconds(1));
        Assert.Equal(7.5, pacer.CurrentRate);

        _time.Advance(TimeSpan.FromSeconds(4));
        pacer.TryAcquire(Private(9), null, 1);
        Assert.Equal(7.5, pacer.CurrentRate);
        _time.Advance(TimeSpan.FromSeconds(1));
        pacer.TryAcquire(Private(10), null, 1);
        Assert.Equal(10.5, pacer.CurrentRate, precision: 6);

        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            pacer.TryAcquire(Private(100 + i), null, 1);
        }
        Assert.Equal(30, pacer.CurrentRate);
    }

    [Fact]
    public void The_pace_after_429s_is_what_the_bucket_grants()
    {
        var pacer = Pacer(Exact);
        pacer.OnThrottled(Private(1), null, TimeSpan.Zero);
        var grants = Drive(pacer, Enumerable.Range(10, 200).Select(Private).ToList(), TimeSpan.FromSeconds(2));
        Assert.InRange(grants.Count, 28, 32);
    }

    [Fact]
    public void The_pace_never_drops_below_its_floor()
    {
        var pacer = Pacer(Exact);
        for (var i = 0; i < 20; i++)
        {
            pacer.OnThrottled(Private(i), null, TimeSpan.Zero);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(3, pacer.CurrentRate, precision: 6);
    }

    [Fact]
    public void On_telegram_a_retry_after_pauses_the_whole_bot()
    {
        var pacer = Pacer();
        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.TryAcquire(Private(2), null, 1));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(2), null, 1));
    }

    [Fact]
    public void With_chat_scope_a_retry_after_pauses_only_that_chat()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 30, Burst = 5, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Chat });
        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.TryAcquire(Private(1), null, 1));
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(2), null, 1));
    }

    [Fact]
    public void Groups_get_at_most_twenty_messages_a_minute()
    {
        var options = new ChannelPacingOptions { MessagesPerSecond = 1000, PerGroupChat = "20/1m", Headroom = 1 };
        var pacer = Pacer(options);
        var grants = Drive(pacer, [Group(-5)], TimeSpan.FromMinutes(2));
        Assert.Equal(20, MostInAnyWindow(grants.Select(grant => grant.At), TimeSpan.FromMinutes(1)));
        Assert.InRange(grants.Count, 39, 41);
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(5), null, 1));
    }

    [Fact]
    public void Chats_of_one_pacing_group_share_its_limit()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 1000, Burst = 100, PerPacingGroup = "2/1s" });
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(1), "tenant-a", 1));
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(2), "tenant-a", 1));
        Assert.True(pacer.TryAcquire(Private(3), "tenant-a", 1) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(3), "tenant-b", 1));
    }

    [Fact]
    public void Teams_conversations_follow_every_window()
    {
        var pacer = new ChannelPacer("teams", new DeliveryOptions().Teams, new AdaptivePacingOptions(), _time);
        var grants = Drive(pacer, [Private(1)], TimeSpan.FromSeconds(60));
        var times = grants.Select(grant => grant.At).ToList();
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(2)) <= 8);
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(30)) <= 60);
        Assert.InRange(grants.Count, 100, 121);
    }

    [Fact]
    public void A_delivery_of_several_messages_is_charged_for_each()
    {
        var pacer = Pacer(Exact);
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Private(1), null, 6));
        // The bot-wide pace owes five more messages before the next one.
        Assert.Equal((6.0 - 0.6) / 30, pacer.TryAcquire(Private(2), null, 1).TotalSeconds, precision: 6);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(TimeSpan.FromSeconds(0.8), pacer.TryAcquire(Private(1), null, 1));
    }

    [Fact]
    public async Task Acquiring_waits_on_the_clock()
    {
        var pacer = Pacer();
        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(3));
        var acquire = pacer.AcquireAsync(Private(1), null, 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await acquire.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_shorter_than_a_millisecond_ends_when_the_clock_moves_a_millisecond()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 3000, Headroom = 1 });
        var chat = 0;
        TimeSpan wait;
        while ((wait = pacer.TryAcquire(Private(++chat), null, 1)) == TimeSpan.Zero) { }
        Assert.True(wait < TimeSpan.FromMilliseconds(1));
        var acquire = pacer.AcquireAsync(Private(++chat), null, 1, CancellationToken.None);
        Assert.False(acquire.IsCompleted);
        await Task.Run(() => _time.Advance(TimeSpan.FromMilliseconds(1))).WaitAsync(TimeSpan.FromSeconds(5));
        await acquire.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
