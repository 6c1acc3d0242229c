using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Paces the sends of one channel, shared by every broadcast: a bot-wide token bucket (the adaptive pace), and
/// sliding-window limits per pacing group (Teams tenant) and per chat (plus the group/channel limits for
/// non-private chats). A send goes when all its buckets
/// have room; a 429 pauses its chat (or group, or the whole channel, see <see cref="ThrottleScope"/>) for the
/// retry-after delay and halves the bot-wide pace, which climbs back step by step after a quiet period.
/// </summary>
public sealed class ChannelPacer
{
    private const int SweepThreshold = 4096;
    // A waiter wakes a little late; this much lateness is caught up instead of lost, at the cost of letting
    // rate × tolerance more messages through any window.
    private static readonly TimeSpan LatenessTolerance = TimeSpan.FromMilliseconds(20);
    private readonly Lock _gate = new();
    private readonly ChannelPacingOptions _options;
    private readonly AdaptivePacingOptions _adaptive;
    private readonly TimeProvider _time;
    private readonly TokenBucket _overall;
    private readonly IReadOnlyList<RateLimitSpec> _perChat, _perGroupChat, _perPacingGroup;
    private readonly Dictionary<ChatKey, SlidingWindowLimit[]> _chats = [];
    private readonly Dictionary<string, SlidingWindowLimit[]> _groups = new(StringComparer.Ordinal);
    private int _chatSweepAt = SweepThreshold, _groupSweepAt = SweepThreshold;
    private DateTimeOffset _lastThrottle = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
    private DateTimeOffset _lastChange = DateTimeOffset.MinValue;
    private int _throttled;

    public ChannelPacer(string channel, ChannelPacingOptions options, AdaptivePacingOptions adaptive, TimeProvider time)
    {
        Channel = channel;
        _options = options;
        _adaptive = adaptive;
        _time = time;
        ConfiguredRate = options.EffectiveMessagesPerSecond * options.Headroom;
        _overall = new TokenBucket(options.Burst + ConfiguredRate * LatenessTolerance.TotalSeconds, ConfiguredRate, time.GetUtcNow());
        _perChat = Limits(options.PerChat, options.Headroom);
        _perGroupChat = Limits(options.PerGroupChat, options.Headroom);
        _perPacingGroup = Limits(options.PerPacingGroup, options.Headroom);
    }

    public string Channel { get; }

    /// <summary>Messages per second from the configuration (with its headroom): the ceiling of <see cref="CurrentRate"/>.</summary>
    public double ConfiguredRate { get; }

    public double CurrentRate { get { lock (_gate) return _overall.PerSecond; } }

    /// <summary>"Too many requests" answers seen on this channel.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Waits until <paramref name="messages"/> messages may go to <paramref name="chat"/>, and takes them.</summary>
    public async Task AcquireAsync(Chat chat, string? group, int messages, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryAcquire(chat, group, messages);
            if (wait <= TimeSpan.Zero) return;
            await Clock.Delay(_time, wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the permits when every limit has room (returns zero), else how long to wait before trying again.</summary>
    public TimeSpan TryAcquire(Chat chat, string? group, int messages)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Recover(now);
            var chatLimits = ChatLimits(chat, now);
            var groupLimits = GroupLimits(group, now);
            var wait = _overall.WaitFor(messages, now);
            foreach (var limit in chatLimits) wait = Max(wait, limit.WaitFor(messages, now));
            foreach (var limit in groupLimits) wait = Max(wait, limit.WaitFor(messages, now));
            if (wait > TimeSpan.Zero) return wait;
            _overall.Take(messages, now);
            foreach (var limit in chatLimits) limit.Take(messages, now);
            foreach (var limit in groupLimits) limit.Take(messages, now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>The platform answered 429 with <paramref name="retryAfter"/>.</summary>
    public void OnThrottled(Chat chat, string? group, TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow();
        var until = now + retryAfter;
        lock (_gate)
        {
            _throttled++;
            _lastThrottle = now;
            if (now - _lastDecrease >= _adaptive.DecreaseCooldown)
            {
                var floor = ConfiguredRate * _adaptive.MinimumFraction;
                _overall.SetRate(Math.Max(floor, _overall.PerSecond * _adaptive.DecreaseFactor), now);
                _lastDecrease = now;
                _lastChange = now;
            }
            foreach (var limit in ChatLimits(chat, now)) limit.PauseUntil(until);
            switch (_options.RetryAfterPauses)
            {
                case ThrottleScope.Channel:
                    _overall.PauseUntil(until);
                    break;
                case ThrottleScope.Group:
                    foreach (var limit in GroupLimits(group, now)) limit.PauseUntil(until);
                    break;
            }
        }
    }

    private void Recover(DateTimeOffset now)
    {
        if (_overall.PerSecond >= ConfiguredRate) return;
        if (now - _lastThrottle < _adaptive.QuietPeriod || now - _lastChange < _adaptive.QuietPeriod) return;
        _overall.SetRate(Math.Min(ConfiguredRate, _overall.PerSecond + ConfiguredRate * _adaptive.IncreaseFraction), now);
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

    // A broadcast touches every chat once: keeping each chat's log for an hour (Teams' 1800/h) would hold them all.
    // A chat quiet for its tightest window and not paused is forgotten; its longer windows only ever bind on a chat
    // that gets hundreds of messages, which a broadcast never sends.
    private static void Sweep<TKey>(Dictionary<TKey, SlidingWindowLimit[]> limits, ref int sweepAt, DateTimeOffset now) where TKey : notnull
    {
        if (limits.Count < sweepAt) return;
        foreach (var (key, value) in limits)
            if (value.All(limit => limit.IsQuiet(now, value.Min(other => other.Window)))) limits.Remove(key);
        sweepAt = Math.Max(SweepThreshold, limits.Count * 2);
    }

    private static IReadOnlyList<RateLimitSpec> Limits(string specs, double headroom) =>
        [.. RateLimitSpec.ParseList(specs).Select(limit => limit with { Window = limit.Window / headroom })];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
