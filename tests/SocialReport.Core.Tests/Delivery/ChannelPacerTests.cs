using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using static SocialReport.Testing.TimeWindows;

namespace SocialReport.Core.Tests.Delivery;

public class ChannelPacerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    // The defaults the Telegram and Teams adapters register (TelegramChannel, TeamsChannel).
    private static readonly ChannelPacingOptions Telegram = new() { MessagesPerSecond = 30, PerChat = "1/1s", PerGroupChat = "20/1m", RetryAfterPauses = ThrottleScope.Channel };
    private static readonly ChannelPacingOptions Teams = new() { MessagesPerSecond = 50, PerChat = "7/1s,8/2s,60/30s,1800/1h", PerPacingGroup = "50/1s", RetryAfterPauses = ThrottleScope.Group };
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
                if (Send(pacer, chat, group, messages) == TimeSpan.Zero) grants.Add((_time.GetUtcNow(), chat.Key));
            _time.Advance(Step);
        }
        return grants;
    }

    /// <summary>Asks for a permit and, when granted, has it answered at once.</summary>
    private static TimeSpan Send(ChannelPacer pacer, Chat chat, string? group, int messages)
    {
        using var permit = pacer.TryAcquire(chat, group, messages, out var wait);
        return wait;
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
        // Telegram's paid broadcasts put their pace (PaidMessagesPerSecond) in place of the bot-wide one.
        var paid = new ChannelPacingOptions { MessagesPerSecond = 1000, Burst = 10, PerChat = "1/1s", Headroom = 1 };
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
        Send(pacer, Private(9), null, 1);
        Assert.Equal(7.5, pacer.CurrentRate);
        _time.Advance(TimeSpan.FromSeconds(1));
        Send(pacer, Private(10), null, 1);
        Assert.Equal(10.5, pacer.CurrentRate, precision: 6);

        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            Send(pacer, Private(100 + i), null, 1);
        }
        Assert.Equal(30, pacer.CurrentRate);
    }

    [Fact]
    public void The_pace_after_429s_is_what_the_bucket_grants()
    {
        var pacer = Pacer(Exact);
        pacer.OnThrottled(Private(1), null, TimeSpan.Zero);
        var grants = Drive(pacer, Enumerable.Range(10, 200).Select(Private).ToList(), TimeSpan.FromSeconds(2));
        // 15 a second for 2 s, plus the bucket's start (1 + 100 ms of lateness at 30/s); 60 at the full pace.
        Assert.InRange(grants.Count, 28, 34);
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
        Assert.Equal(TimeSpan.FromSeconds(5), Send(pacer, Private(2), null, 1));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(2), null, 1));
    }

    [Fact]
    public void With_chat_scope_a_retry_after_pauses_only_that_chat()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 30, Burst = 5, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Chat });
        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), Send(pacer, Private(1), null, 1));
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(2), null, 1));
    }

    [Fact]
    public void Groups_get_at_most_twenty_messages_a_minute()
    {
        var options = new ChannelPacingOptions { MessagesPerSecond = 1000, PerGroupChat = "20/1m", Headroom = 1 };
        var pacer = Pacer(options);
        var grants = Drive(pacer, [Group(-5)], TimeSpan.FromMinutes(2));
        Assert.Equal(20, MostInAnyWindow(grants.Select(grant => grant.At), TimeSpan.FromMinutes(1)));
        Assert.InRange(grants.Count, 39, 41);
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(5), null, 1));
    }

    [Fact]
    public void Chats_of_one_pacing_group_share_its_limit()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 1000, Burst = 100, PerPacingGroup = "2/1s" });
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(1), "tenant-a", 1));
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(2), "tenant-a", 1));
        Assert.True(Send(pacer, Private(3), "tenant-a", 1) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(3), "tenant-b", 1));
    }

    [Fact]
    public void Teams_conversations_follow_every_window()
    {
        var pacer = new ChannelPacer("teams", Teams, new AdaptivePacingOptions(), _time);
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
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(1), null, 6));
        // The bucket held 4 (1 + 100 ms of lateness at 30/s): it owes two, so the next message waits for three tokens.
        Assert.Equal(3.0 / 30, Send(pacer, Private(2), null, 1).TotalSeconds, precision: 6);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(TimeSpan.FromSeconds(0.8), Send(pacer, Private(1), null, 1));
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
        while ((wait = Send(pacer, Private(++chat), null, 1)) == TimeSpan.Zero) { }
        Assert.True(wait < TimeSpan.FromMilliseconds(1));
        var acquire = pacer.AcquireAsync(Private(++chat), null, 1, CancellationToken.None);
        Assert.False(acquire.IsCompleted);
        await Task.Run(() => _time.Advance(TimeSpan.FromMilliseconds(1))).WaitAsync(TimeSpan.FromSeconds(60));
        await acquire.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_message_counts_against_the_window_until_a_whole_window_after_its_answer()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 3, Burst = 3, Headroom = 1 });
        var inFlight = Enumerable.Range(1, 3).Select(id => pacer.TryAcquire(Private(id), null, 1, out _)!).ToList();
        _time.Advance(TimeSpan.FromSeconds(5));
        pacer.TryAcquire(Private(4), null, 1, out var wait);
        Assert.Equal(TimeSpan.MaxValue, wait);

        inFlight[0].Dispose();
        pacer.TryAcquire(Private(4), null, 1, out wait);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(pacer.TryAcquire(Private(4), null, 1, out _));
    }

    [Fact]
    public async Task A_waiter_blocked_by_sends_in_flight_wakes_when_one_is_answered()
    {
        var pacer = Pacer(new ChannelPacingOptions { MessagesPerSecond = 2, Burst = 2, Headroom = 1 });
        var first = pacer.TryAcquire(Private(1), null, 1, out _)!;
        using var second = pacer.TryAcquire(Private(2), null, 1, out _)!;
        var third = pacer.AcquireAsync(Private(3), null, 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        first.Dispose();
        var answeredAt = _time.GetUtcNow();
        // The waiter wakes on the answer (its wait was endless) on another thread, then waits for the window on the fake
        // clock: the clock moves in small steps until it is granted, so that a late wake-up cannot miss a single jump.
        var limit = answeredAt + TimeSpan.FromMinutes(1);
        while (!third.IsCompleted && _time.GetUtcNow() < limit)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(_time.GetUtcNow() - answeredAt >= TimeSpan.FromSeconds(1), "granted before a whole window after the answer");
    }

    /// <summary>
    /// Sends to 2 000 chats as fast as the pacer lets 8 at a time, each over a network that takes
    /// <paramref name="legs"/> (the way there, then the way back), the clock moving a millisecond at a time; returns
    /// when each message reached the platform.
    /// </summary>
    /// <param name="readLate">When given, the sender is done with each answer this much after it arrived, and the answer was stamped when it arrived (<see cref="PacedAnswerHandler"/>).</param>
    private List<(DateTimeOffset At, ChatKey Chat)> OverANetwork(ChannelPacer pacer, TimeSpan duration, Func<(TimeSpan There, TimeSpan Back)> legs, Func<TimeSpan>? readLate = null)
    {
        var chats = Enumerable.Range(1, 2000).Select(Private).ToList();
        var arrivals = new List<(DateTimeOffset At, ChatKey Chat)>();
        var pending = new List<(DateTimeOffset AnswerAt, ChannelPacer.Permit Permit)>();
        var next = 0;
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() < end)
        {
            var now = _time.GetUtcNow();
            foreach (var answered in pending.Where(p => p.AnswerAt <= now).ToList())
            {
                answered.Permit.Dispose();
                pending.Remove(answered);
            }
            while (pending.Count < 8 && pacer.TryAcquire(chats[next % chats.Count], null, 1, out _) is { } permit)
            {
                var (there, back) = legs();
                arrivals.Add((now + there, chats[next++ % chats.Count].Key));
                if (readLate is null) pending.Add((now + there + back, permit));
                else
                {
                    permit.Stamp(now + there + back);
                    pending.Add((now + there + back + readLate(), permit));
                }
            }
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
        return arrivals;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void However_late_the_network_delivers_no_window_of_the_platform_holds_more_than_the_limit(int seed)
    {
        // Each send reaches the platform at a random moment between its grant and its answer, 0 to 100 ms later:
        // requests granted evenly can arrive bunched, and the platform counts arrivals. Legs as short as nothing get
        // no credit: only a share of 0 is safe whatever the network.
        var random = new Random(seed);
        var arrivals = OverANetwork(Pacer(new ChannelPacingOptions { MessagesPerSecond = 30, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Channel, RoundTripCredit = 0 }), TimeSpan.FromSeconds(30), () =>
        {
            var latency = TimeSpan.FromMilliseconds(random.Next(0, 100));
            var there = latency * random.NextDouble();
            return (there, latency - there);
        });

        Assert.True(MostInAnyWindow(arrivals.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 30);
        Assert.All(arrivals.GroupBy(a => a.Chat), chat => Assert.True(MostInAnyWindow(chat.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 1));
        // A message holds its place until a window after its answer: 30 per (1 s + 50 ms) is about 28.6 a second.
        Assert.InRange(arrivals.Count, 0.95 * 28.6 * 30, 30 * 30);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Over_a_network_of_known_legs_the_credit_lets_more_through_and_no_window_of_the_platform_holds_more_than_the_limit(int seed)
    {
        // Each way takes 80 to 100 ms: round trips of 160 to 200 ms, so the credit is half the shortest, about 80 ms,
        // never more than the two legs of any pair of messages.
        var random = new Random(seed);
        TimeSpan Leg() => TimeSpan.FromMilliseconds(80 + 20 * random.NextDouble());
        var pacer = Pacer(Telegram);
        var arrivals = OverANetwork(pacer, TimeSpan.FromSeconds(60), () => (Leg(), Leg()));

        Assert.True(MostInAnyWindow(arrivals.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 30);
        Assert.All(arrivals.GroupBy(a => a.Chat), chat => Assert.True(MostInAnyWindow(chat.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 1));
        Assert.InRange(pacer.WindowCredit, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(85));
        // Counted from the answer, 30 per (1 s + 180 ms) would be 25.4 a second; less the credit, 30 per 1.1 s is 27.3.
        Assert.InRange(arrivals.Count, 26.8 * 60, 28 * 60);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Answers_count_from_when_they_arrived_however_late_the_sender_reads_them_and_no_window_of_the_platform_holds_more_than_the_limit(int seed)
    {
        // The legs of the test above, and a sender done with each answer 0 to 100 ms after it arrived (a busy host).
        var random = new Random(seed);
        TimeSpan Leg() => TimeSpan.FromMilliseconds(80 + 20 * random.NextDouble());
        var pacer = Pacer(Telegram);
        var arrivals = OverANetwork(pacer, TimeSpan.FromSeconds(60), () => (Leg(), Leg()), () => TimeSpan.FromMilliseconds(100 * random.NextDouble()));

        Assert.True(MostInAnyWindow(arrivals.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 30);
        Assert.All(arrivals.GroupBy(a => a.Chat), chat => Assert.True(MostInAnyWindow(chat.Select(a => a.At), TimeSpan.FromSeconds(1)) <= 1));
        // About 27 a second, as with answers read at once; counted from when they were read, 30 per 1.15 s: about 26.
        Assert.InRange(arrivals.Count, 26.6 * 60, 28 * 60);
    }

    [Fact]
    public void By_default_the_pace_is_the_platforms_figure_and_the_windows_bind()
    {
        Assert.Equal(30, Pacer(Telegram).ConfiguredRate);
    }

    /// <summary>Options where only the per-chat window binds: 1 000 messages a second for the bot, one a second per chat.</summary>
    private static ChannelPacingOptions PerChatOnly(double roundTripCredit = 0.5) =>
        new() { MessagesPerSecond = 1000, Burst = 1000, PerChat = "1/1s", RetryAfterPauses = ThrottleScope.Channel, RoundTripCredit = roundTripCredit };

    /// <summary>Sends one message to each of <paramref name="chats"/> at once and has them answered after <paramref name="roundTrip"/>.</summary>
    private void Answer(ChannelPacer pacer, IEnumerable<int> chats, TimeSpan roundTrip)
    {
        var permits = chats.Select(id => pacer.TryAcquire(Private(id), null, 1, out _)!).ToList();
        _time.Advance(roundTrip);
        foreach (var permit in permits) permit.Dispose();
    }

    [Fact]
    public void Once_enough_answers_came_a_message_counts_from_its_answer_less_half_the_shortest_round_trip()
    {
        var pacer = Pacer(PerChatOnly());
        Answer(pacer, Enumerable.Range(1, 99), TimeSpan.FromMilliseconds(40));
        // 99 answers: the shortest of so few says nothing of the network's floor, the window counts from the answer.
        Assert.Equal(TimeSpan.Zero, pacer.WindowCredit);
        Assert.Equal(TimeSpan.FromSeconds(1), Send(pacer, Private(1), null, 1));

        Answer(pacer, [100], TimeSpan.FromMilliseconds(40));
        Assert.Equal(TimeSpan.FromMilliseconds(20), pacer.WindowCredit);
        Answer(pacer, [101], TimeSpan.FromMilliseconds(40));
        // Answered 40 ms ago, counted from 20 ms before its answer: free 980 ms from now, and no sooner.
        Assert.Equal(TimeSpan.FromMilliseconds(980), Send(pacer, Private(101), null, 1));
        _time.Advance(TimeSpan.FromMilliseconds(979));
        Assert.True(Send(pacer, Private(101), null, 1) > TimeSpan.Zero);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(101), null, 1));
    }

    [Fact]
    public void A_fast_answer_shrinks_the_credit_at_once_and_it_grows_back_only_after_two_periods_without_one()
    {
        var pacer = Pacer(PerChatOnly());
        Answer(pacer, Enumerable.Range(1, 100), TimeSpan.FromMilliseconds(40));
        Assert.Equal(TimeSpan.FromMilliseconds(20), pacer.WindowCredit);

        // A send failing before it leaves the host (answered the moment it went) counts from its answer.
        Answer(pacer, [500], TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.WindowCredit);
        Assert.Equal(TimeSpan.FromSeconds(1), Send(pacer, Private(500), null, 1));

        // Periods of 30 s: the one of the fast answer, and the next, which still looks back on it.
        for (var second = 0; second < 60; second++)
        {
            Answer(pacer, Enumerable.Range(1000 + second * 10, 10), TimeSpan.FromMilliseconds(60));
            Assert.Equal(TimeSpan.Zero, pacer.WindowCredit);
            _time.Advance(TimeSpan.FromMilliseconds(940));
        }
        _time.Advance(TimeSpan.FromSeconds(1));
        Answer(pacer, Enumerable.Range(2000, 10), TimeSpan.FromMilliseconds(60));
        Assert.Equal(TimeSpan.FromMilliseconds(30), pacer.WindowCredit);
        Assert.Equal(TimeSpan.FromMilliseconds(970), Send(pacer, Private(2009), null, 1));
    }

    [Fact]
    public void A_channel_quiet_for_two_periods_starts_again_without_credit()
    {
        var pacer = Pacer(PerChatOnly());
        Answer(pacer, Enumerable.Range(1, 100), TimeSpan.FromMilliseconds(40));
        Assert.Equal(TimeSpan.FromMilliseconds(980), Send(pacer, Private(100), null, 1));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.Zero, pacer.WindowCredit);
        Answer(pacer, [1], TimeSpan.FromMilliseconds(40));
        Assert.Equal(TimeSpan.FromSeconds(1), Send(pacer, Private(1), null, 1));
    }

    [Fact]
    public void The_credit_is_never_more_than_the_whole_shortest_round_trip()
    {
        var pacer = Pacer(PerChatOnly(roundTripCredit: 1));
        Answer(pacer, Enumerable.Range(1, 100), TimeSpan.FromMilliseconds(40));
        Answer(pacer, [101], TimeSpan.FromMilliseconds(50));
        // The whole shortest round trip: a message counts from when it left at the earliest, never before.
        Assert.Equal(TimeSpan.FromMilliseconds(40), pacer.WindowCredit);
        Assert.Equal(TimeSpan.FromMilliseconds(960), Send(pacer, Private(101), null, 1));
    }

    [Fact]
    public void A_round_trip_the_clock_made_negative_gives_no_credit()
    {
        var credit = new RoundTripCredit(1);
        var now = _time.GetUtcNow();
        for (var i = 0; i < RoundTripCredit.Enough; i++) credit.Answered(TimeSpan.FromMilliseconds(40), now);
        Assert.Equal(TimeSpan.FromMilliseconds(40), credit.Current(now));
        // The wall clock stepping back between a send and its answer: a round trip of nothing, not a negative credit.
        Assert.Equal(TimeSpan.Zero, credit.Answered(TimeSpan.FromMilliseconds(-5), now));
    }

    [Fact]
    public void A_429_pauses_even_a_send_the_credit_lets_go()
    {
        var pacer = Pacer(PerChatOnly());
        Answer(pacer, Enumerable.Range(1, 101), TimeSpan.FromMilliseconds(40));
        _time.Advance(TimeSpan.FromMilliseconds(980));
        Assert.Equal(TimeSpan.Zero, Send(pacer, Private(101), null, 1));

        pacer.OnThrottled(Private(1), null, TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), Send(pacer, Private(2), null, 1));
    }
}
