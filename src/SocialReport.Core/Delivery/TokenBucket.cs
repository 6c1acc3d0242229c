namespace SocialReport.Core.Delivery;

/// <summary>
/// The bot-wide pace of a channel: a token bucket read off a <see cref="TimeProvider"/> (the limiters of System.Threading.RateLimiting read the
/// real clock, so pacing could not be tested with a fake one). Taking more tokens than the capacity is allowed
/// once the bucket is full: the debt delays whoever comes next. Not thread-safe: <see cref="ChannelPacer"/> locks.
/// </summary>
internal sealed class TokenBucket
{
    private const double Epsilon = 1e-9;
    private double _tokens;
    private DateTimeOffset _refilledAt;
    private DateTimeOffset _pausedUntil;

    public TokenBucket(double capacity, double perSecond, DateTimeOffset now)
    {
        Capacity = capacity;
        PerSecond = perSecond;
        _tokens = capacity;
        _refilledAt = now;
    }

    public double Capacity { get; }
    public double PerSecond { get; private set; }

    /// <summary>How long until <paramref name="count"/> tokens can be taken; zero when now.</summary>
    public TimeSpan WaitFor(double count, DateTimeOffset now)
    {
        Refill(now);
        var lacking = Math.Min(count, Capacity) - _tokens;
        var wait = lacking <= Epsilon ? TimeSpan.Zero : Seconds(lacking / PerSecond);
        var paused = _pausedUntil - now;
        return paused > wait ? paused : wait;
    }

    public void Take(double count, DateTimeOffset now)
    {
        Refill(now);
        _tokens -= count;
    }

    public void SetRate(double perSecond, DateTimeOffset now)
    {
        Refill(now);
        PerSecond = perSecond;
    }

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil) _pausedUntil = until;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _refilledAt) return;
        _tokens = Math.Min(Capacity, _tokens + (now - _refilledAt).TotalSeconds * PerSecond);
        _refilledAt = now;
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond));
}
