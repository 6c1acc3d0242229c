using System.Runtime.CompilerServices;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Paces the sends of one channel, shared by every broadcast: a bot-wide token bucket (the adaptive pace, which
/// spreads sends evenly) under a bot-wide sliding window, and sliding windows per pacing group (Teams tenant) and per
/// chat (plus the group/channel limits for non-private chats). A send goes when all of them have room, and holds a
/// <see cref="Permit"/> until the platform answers: the windows count it until a whole window after that answer, less
/// a share of the shortest recent round trip (<see cref="RoundTripCredit"/>: the network's legs, which no two arrivals
/// can be closer than), so that requests the network brings closer together than they left still fit the platform's
/// windows. The windows bind, at <c>limit / (window + round trip − credit)</c>; the token bucket spreads the sends and
/// slows down after a 429 (its <see cref="ChannelPacingOptions.Headroom"/> is 1 unless a platform's figure is only
/// approximate). A 429 pauses its chat (or group, or the whole channel, see <see cref="ThrottleScope"/>) for the
/// retry-after delay and slows the bot-wide pace, which climbs back step by step after a quiet period.
/// </summary>
public sealed class ChannelPacer
{
    private const int SweepThreshold = 4096;
    // A waiter wakes late on a busy machine; this much lateness is caught up instead of lost (the bot-wide window
    // still holds: a catch-up never puts more than the limit in a second).
    private static readonly TimeSpan LatenessTolerance = TimeSpan.FromMilliseconds(100);
    private readonly Lock _gate = new();
    private readonly ChannelPacingOptions _options;
    private readonly AdaptivePacingOptions _adaptive;
    private readonly TimeProvider _time;
    private readonly TokenBucket _pace;
    private readonly RoundTripCredit _credit;
    private readonly SlidingWindowLimit[] _overall;
    private readonly IReadOnlyList<RateLimitSpec> _perChat, _perGroupChat, _perPacingGroup;
    private readonly Dictionary<ChatKey, SlidingWindowLimit[]> _chats = [];
    private readonly Dictionary<string, SlidingWindowLimit[]> _groups = new(StringComparer.Ordinal);
    private int _chatSweepAt = SweepThreshold, _groupSweepAt = SweepThreshold;
    private DateTimeOffset _lastThrottle = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
    private DateTimeOffset _lastChange = DateTimeOffset.MinValue;
    private readonly PacerWaiters _waiters = new();
    private TaskCompletionSource _answered = NewSignal();
    private static readonly AsyncLocal<StrongBox<Permit?>> Current = new();
    private int _throttled;

    public ChannelPacer(string channel, ChannelPacingOptions options, AdaptivePacingOptions adaptive, TimeProvider time)
    {
        Channel = channel;
        _options = options;
        _adaptive = adaptive;
        _time = time;
        ConfiguredRate = options.MessagesPerSecond * options.Headroom;
        _pace = new TokenBucket(options.Burst + ConfiguredRate * LatenessTolerance.TotalSeconds, ConfiguredRate, time.GetUtcNow());
        _credit = new RoundTripCredit(options.RoundTripCredit);
        _overall = [new SlidingWindowLimit(OverallWindow(options))];
        _perChat = RateLimitSpec.ParseList(options.PerChat);
        _perGroupChat = RateLimitSpec.ParseList(options.PerGroupChat);
        _perPacingGroup = RateLimitSpec.ParseList(options.PerPacingGroup);
    }

    public string Channel { get; }

    /// <summary>Messages per second from the configuration (with its headroom): the ceiling of <see cref="CurrentRate"/>.</summary>
    public double ConfiguredRate { get; }

    public double CurrentRate { get { lock (_gate) return _pace.PerSecond; } }

    /// <summary>How much earlier than its answer a message answered now counts in the windows.</summary>
    public TimeSpan WindowCredit { get { lock (_gate) return _credit.Current(_time.GetUtcNow()); } }

    /// <summary>"Too many requests" answers seen on this channel.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>
    /// Waits until <paramref name="messages"/> messages may go to <paramref name="chat"/>, and takes them. Dispose the
    /// permit when the platform has answered (or the send failed). The caller's flow holds the permit from here on, so
    /// that <see cref="PacedAnswerHandler"/> can stamp it with the moment the answer arrived.
    /// </summary>
    public Task<Permit> AcquireAsync(Chat chat, string? group, int messages, CancellationToken cancellationToken)
    {
        var holder = new StrongBox<Permit?>();
        Current.Value = holder;
        return WaitAsync(chat, group, messages, holder, cancellationToken);
    }

    /// <summary>The answer to the send the current flow holds a permit for arrived at <paramref name="at"/>.</summary>
    internal static void Answered(DateTimeOffset at) => Current.Value?.Value?.Stamp(at);

    /// <summary>
    /// Waits for an answer when sends in flight fill a window, else for the moment a place frees: on the clock, to the
    /// moment (<see cref="Clock.UntilAsync"/>), when no other waiter comes before it, else until woken
    /// (<see cref="PacerWaiters"/>).
    /// </summary>
    private async Task<Permit> WaitAsync(Chat chat, string? group, int messages, StrongBox<Permit?> holder, CancellationToken cancellationToken)
    {
        PacerWaiters.Waiter? waiter = null;
        try
        {
            while (true)
            {
                var permit = TryAcquire(chat, group, messages, ref waiter, out _, out var answered);
                if (permit is not null)
                {
                    holder.Value = permit;
                    return permit;
                }
                if (waiter is null) await answered.WaitAsync(cancellationToken).ConfigureAwait(false);
                else if (waiter.Claims) await Clock.UntilAsync(_time, waiter.Due, cancellationToken).ConfigureAwait(false);
                else await waiter.Woken.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (waiter is not null)
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                    Cover(_time.GetUtcNow());
                }
            }
        }
    }

    /// <summary>
    /// Takes the permits when every limit has room, else null with how long to wait before trying again
    /// (<see cref="TimeSpan.MaxValue"/>: until a send in flight is answered).
    /// </summary>
    internal Permit? TryAcquire(Chat chat, string? group, int messages, out TimeSpan wait)
    {
        lock (_gate) return TryTake(chat, group, messages, out wait);
    }

    /// <summary>
    /// <see cref="TryAcquire(Chat, string?, int, out TimeSpan)"/> for a waiter, who leaves its place among the waiters
    /// to look again, and takes a new one when it must wait for a moment.
    /// </summary>
    private Permit? TryAcquire(Chat chat, string? group, int messages, ref PacerWaiters.Waiter? waiter, out TimeSpan wait, out Task answered)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
            waiter = null;
            answered = _answered.Task;
            var permit = TryTake(chat, group, messages, out wait);
            var now = _time.GetUtcNow();
            if (permit is null && wait != SlidingWindowLimit.UntilAnAnswer) waiter = _waiters.Add(now + wait, chat, group, messages);
            Cover(now);
            return permit;
        }
    }

    /// <summary>Under the lock, after a change: see <see cref="PacerWaiters.Cover"/>.</summary>
    private void Cover(DateTimeOffset now) =>
        _waiters.Cover(waiter => WaitFor(waiter.Chat, waiter.Group, waiter.Messages, now, out _) is var wait && wait == SlidingWindowLimit.UntilAnAnswer ? DateTimeOffset.MaxValue : now + wait);

    private TimeSpan WaitFor(Chat chat, string? group, int messages, DateTimeOffset now, out SlidingWindowLimit[] windows)
    {
        windows = [.. _overall, .. ChatLimits(chat, now), .. GroupLimits(group, now)];
        var wait = _pace.WaitFor(messages, now);
        foreach (var window in windows) wait = Max(wait, window.WaitFor(messages, now));
        return wait;
    }

    private Permit? TryTake(Chat chat, string? group, int messages, out TimeSpan wait)
    {
        var now = _time.GetUtcNow();
        Recover(now);
        wait = WaitFor(chat, group, messages, now, out var windows);
        if (wait > TimeSpan.Zero) return null;
        _pace.Take(messages, now);
        foreach (var window in windows) window.Take(messages);
        return new Permit(this, chat, group, windows, messages, now);
    }

    private void Settle(SlidingWindowLimit[] windows, int messages, DateTimeOffset sentAt, DateTimeOffset? answeredAt)
    {
        TaskCompletionSource answered;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var answer = answeredAt is { } at && at >= sentAt && at <= now ? at : now;
            var countedFrom = answer - _credit.Answered(answer - sentAt, answer);
            foreach (var window in windows) window.Settle(messages, countedFrom);
            answered = _answered;
            _answered = NewSignal();
        }
        answered.TrySetResult();
    }

    /// <summary>The platform answered 429 with <paramref name="retryAfter"/>.</summary>
    internal void OnThrottled(Chat chat, string? group, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var until = now + retryAfter;
            _throttled++;
            _lastThrottle = now;
            if (now - _lastDecrease >= _adaptive.DecreaseCooldown)
            {
                var floor = ConfiguredRate * _adaptive.MinimumFraction;
                _pace.SetRate(Math.Max(floor, _pace.PerSecond * _adaptive.DecreaseFactor), now);
                _lastDecrease = now;
                _lastChange = now;
            }
            foreach (var limit in ChatLimits(chat, now)) limit.PauseUntil(until);
            switch (_options.RetryAfterPauses)
            {
                case ThrottleScope.Channel:
                    _pace.PauseUntil(until);
                    break;
                case ThrottleScope.Group:
                    foreach (var limit in GroupLimits(group, now)) limit.PauseUntil(until);
                    break;
            }
        }
    }

    private void Recover(DateTimeOffset now)
    {
        if (_pace.PerSecond >= ConfiguredRate) return;
        if (now - _lastThrottle < _adaptive.QuietPeriod || now - _lastChange < _adaptive.QuietPeriod) return;
        _pace.SetRate(Math.Min(ConfiguredRate, _pace.PerSecond + ConfiguredRate * _adaptive.IncreaseFraction), now);
        _lastChange = now;
    }

    private SlidingWindowLimit[] ChatLimits(Chat chat, DateTimeOffset now)
    {
        if (_chats.TryGetValue(chat.Key, out var limits)) return limits;
        IEnumerable<RateLimitSpec> specs = chat.Kind == ChatKind.Private ? _perChat : [.. _perChat, .. _perGroupChat];
        limits = [.. specs.Select(spec => new SlidingWindowLimit(spec))];
        Sweep(_chats, ref _chatSweepAt, now);
        _chats[chat.Key] = limits;
        return limits;
    }

    private SlidingWindowLimit[] GroupLimits(string? group, DateTimeOffset now)
    {
        if (group is null || _perPacingGroup.Count == 0) return [];
        if (_groups.TryGetValue(group, out var limits)) return limits;
        limits = [.. _perPacingGroup.Select(spec => new SlidingWindowLimit(spec))];
        Sweep(_groups, ref _groupSweepAt, now);
        _groups[group] = limits;
        return limits;
    }

    // A broadcast touches every chat once: keeping each chat's log for an hour (an hourly per-chat limit) would hold them all.
    // A chat quiet for its tightest window and not paused is forgotten; its longer windows only ever bind on a chat
    // that gets hundreds of messages, which a broadcast never sends.
    private static void Sweep<TKey>(Dictionary<TKey, SlidingWindowLimit[]> limits, ref int sweepAt, DateTimeOffset now) where TKey : notnull
    {
        if (limits.Count < sweepAt) return;
        foreach (var (key, value) in limits)
            if (value.All(limit => limit.IsQuiet(now, value.Min(other => other.Window)))) limits.Remove(key);
        sweepAt = Math.Max(SweepThreshold, limits.Count * 2);
    }

    /// <summary>The bot-wide figure as a window of one second (longer below one message a second).</summary>
    private static RateLimitSpec OverallWindow(ChannelPacingOptions options)
    {
        var rate = options.MessagesPerSecond;
        var permits = Math.Max(1, (int)Math.Floor(rate));
        return new RateLimitSpec(permits, TimeSpan.FromSeconds(permits / rate));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Messages taken for one send. Dispose it once the platform answered, or the send failed: the windows then
    /// count the messages from that moment, less the credit. Report a 429 with <see cref="Throttled"/> before disposing.
    /// </summary>
    public sealed class Permit : IDisposable
    {
        private readonly ChannelPacer _pacer;
        private readonly Chat _chat;
        private readonly string? _group;
        private readonly SlidingWindowLimit[] _windows;
        private readonly int _messages;
        private long _answeredTicks;
        private int _settled;

        internal Permit(ChannelPacer pacer, Chat chat, string? group, SlidingWindowLimit[] windows, int messages, DateTimeOffset sentAt)
        {
            SentAt = sentAt;
            _pacer = pacer;
            _chat = chat;
            _group = group;
            _windows = windows;
            _messages = messages;
        }

        /// <summary>The platform answered "too many requests, retry after <paramref name="retryAfter"/>".</summary>
        public void Throttled(TimeSpan retryAfter) => _pacer.OnThrottled(_chat, _group, retryAfter);

        /// <summary>When the permit was granted.</summary>
        internal DateTimeOffset SentAt { get; }

        /// <summary>An answer to this send arrived at <paramref name="at"/> (the latest of several, for several messages).</summary>
        internal void Stamp(DateTimeOffset at) => Volatile.Write(ref _answeredTicks, at.UtcTicks);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _settled, 1) != 0) return;
            var ticks = Volatile.Read(ref _answeredTicks);
            _pacer.Settle(_windows, _messages, SentAt, ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero));
        }
    }
}
