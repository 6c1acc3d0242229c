using System.Diagnostics;

namespace SocialReport.Core.Delivery;

internal static class Clock
{
    /// <summary>How much before the moment <see cref="UntilAsync"/> asks its timer to fire: a timer fires 1 to 3 ms late.</summary>
    internal static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(PacerProbe.LeadMs);

    /// <summary>The longest <see cref="UntilAsync"/> spins (real time): on a clock that does not move (a test's), it then waits on the timer.</summary>
    private static readonly TimeSpan SpinLimit = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Task.Delay on a <see cref="TimeProvider"/>, rounded up to the millisecond: timers count whole milliseconds,
    /// and a shorter wait would end at once, making a waiter spin without time moving on.
    /// </summary>
    public static Task Delay(TimeProvider time, TimeSpan wait, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait.TotalMilliseconds))), time, cancellationToken);

    /// <summary>
    /// Returns at <paramref name="due"/> on <paramref name="time"/>, not milliseconds after as a timer would: a timer
    /// to <see cref="Lead"/> before it, then yielding the thread until it (at most <see cref="SpinLimit"/>).
    /// </summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var early = due - time.GetUtcNow() - Lead;
        if (early > TimeSpan.Zero) await Delay(time, early, cancellationToken).ConfigureAwait(false);
        var spinning = Stopwatch.GetTimestamp();
        if (Lead == TimeSpan.Zero && time.GetUtcNow() < due) await Delay(time, due - time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        while (time.GetUtcNow() < due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Stopwatch.GetElapsedTime(spinning) > SpinLimit)
            {
                await Delay(time, due - time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                break;
            }
            Thread.Yield();
        }
        PacerProbe.Spun(Stopwatch.GetElapsedTime(spinning));
    }
}
