namespace SocialReport.Core.Delivery;

/// <summary>
/// At most <see cref="RateLimitSpec.Permits"/> messages in any window of <see cref="RateLimitSpec.Window"/>, as the
/// platforms count them (a token bucket would let twice that through a window that straddles a refill). Keeps the
/// times of the messages still in the window. Not thread-safe: <see cref="ChannelPacer"/> locks.
/// </summary>
internal sealed class SlidingWindowLimit(RateLimitSpec limit)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastSent;

    /// <summary>How long until <paramref name="count"/> more messages fit in the window (all of it when more than the limit); zero when now.</summary>
    public TimeSpan WaitFor(int count, DateTimeOffset now)
    {
        Forget(now);
        var wait = TimeSpan.Zero;
        var excess = _sent.Count + Math.Min(count, limit.Permits) - limit.Permits;
        if (excess > 0) wait = _sent.ElementAt(excess - 1) + limit.Window - now;
        var paused = _pausedUntil - now;
        return paused > wait ? paused : wait;
    }

    public void Take(int count, DateTimeOffset now)
    {
        for (var i = 0; i < count; i++) _sent.Enqueue(now);
        _lastSent = now;
    }

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil) _pausedUntil = until;
    }

    public TimeSpan Window => limit.Window;

    /// <summary>Not paused, and nothing sent for <paramref name="quiet"/>.</summary>
    public bool IsQuiet(DateTimeOffset now, TimeSpan quiet)
    {
        Forget(now);
        return _pausedUntil <= now && (_sent.Count == 0 || _lastSent + quiet <= now);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + limit.Window <= now) _sent.Dequeue();
    }
}
