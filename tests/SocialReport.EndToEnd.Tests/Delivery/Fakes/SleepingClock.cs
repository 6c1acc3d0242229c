using Microsoft.Extensions.Time.Testing;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>
/// The clock of a machine that can sleep (a suspended VM): its date jumps by the time it slept, while its timers, which
/// count the machine's running time (<paramref name="running"/>), do not.
/// </summary>
internal sealed class SleepingClock(FakeTimeProvider running) : TimeProvider
{
    private long _sleptTicks;

    public void Sleep(TimeSpan slept) => Interlocked.Add(ref _sleptTicks, slept.Ticks);

    public override DateTimeOffset GetUtcNow() => running.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _sleptTicks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        running.CreateTimer(callback, state, dueTime, period);

    public override long GetTimestamp() => running.GetTimestamp();

    public override long TimestampFrequency => running.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => running.LocalTimeZone;
}
