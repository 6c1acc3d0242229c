namespace SocialReport.Core.Delivery;

/// <summary>
/// At most <see cref="RateLimitSpec.Permits"/> messages in any window of <see cref="RateLimitSpec.Window"/>, as the
/// platforms count them (a token bucket would let twice that through a window that straddles a refill).
/// <para>
/// The platform counts a message when it arrives, which the bot never sees: some time between the send and the
/// answer. So a message counts from its send until a whole window after the moment <see cref="Settle"/> stamps it
/// with: in flight until then, and from then on the answer's time, less the credit the network's legs allow
/// (<see cref="RoundTripCredit"/>). However the network delivers requests, no window of the platform can then hold
/// more than the limit. Not thread-safe: <see cref="ChannelPacer"/> locks.
/// </para>
/// </summary>
internal sealed class SlidingWindowLimit(RateLimitSpec limit)
{
    /// <summary>What <see cref="WaitFor"/> answers when only an answer to a message in flight can make room.</summary>
    public static readonly TimeSpan UntilAnAnswer = TimeSpan.MaxValue;

    private readonly Queue<DateTimeOffset> _answered = new();
    private int _inFlight;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    /// <summary>
    /// How long until <paramref name="count"/> more messages fit in the window (all of it when more than the limit);
    /// zero when now, <see cref="UntilAnAnswer"/> when messages still in flight fill it.
    /// </summary>
    public TimeSpan WaitFor(int count, DateTimeOffset now)
    {
        Forget(now);
        var wait = TimeSpan.Zero;
        var excess = _answered.Count + _inFlight + Math.Min(count, limit.Permits) - limit.Permits;
        if (excess > _answered.Count) return UntilAnAnswer;
        if (excess > 0) wait = _answered.ElementAt(excess - 1) + limit.Window - now;
        var paused = _pausedUntil - now;
        return paused > wait ? paused : wait;
    }

    public void Take(int count) => _inFlight += count;

    /// <summary>
    /// The platform answered the <paramref name="count"/> messages taken together: they count from
    /// <paramref name="countedFrom"/> (the answer, less a credit), or from the latest stamp when that is later, so that
    /// the oldest leave first.
    /// </summary>
    public void Settle(int count, DateTimeOffset countedFrom)
    {
        _inFlight -= count;
        if (countedFrom > _lastStamp) _lastStamp = countedFrom;
        for (var i = 0; i < count; i++) _answered.Enqueue(_lastStamp);
    }

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil) _pausedUntil = until;
    }

    public TimeSpan Window => limit.Window;

    /// <summary>Not paused, nothing in flight, and no answer for <paramref name="quiet"/>.</summary>
    public bool IsQuiet(DateTimeOffset now, TimeSpan quiet)
    {
        Forget(now);
        return _pausedUntil <= now && _inFlight == 0 && (_answered.Count == 0 || _lastStamp + quiet <= now);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_answered.Count > 0 && _answered.Peek() + limit.Window <= now) _answered.Dequeue();
    }
}
