using System.Diagnostics;

namespace SocialReport.Core.Delivery;

internal static class Clock
{
    /// <summary>
    /// How much before the moment <see cref="UntilAsync"/> asks its timer to fire: a timer fires 0.7 to 3.7 ms late (the
    /// jittery-network benchmarks, rounding to the millisecond included), each millisecond of it lost by a pacer's place.
    /// </summary>
    internal static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(3);

    /// <summary>The longest <see cref="UntilAsync"/> spins (real time): on a clock that does not move (a test's), it then waits on the timer.</summary>
    private static readonly TimeSpan SpinLimit = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The longest a timer is trusted with a wait for a moment of the clock (the end of a reader's quiet hours): a timer
    /// counts the machine's running time, which stops while it sleeps (a suspended VM) and does not follow a clock that
    /// is set, so a wait of hours reads the clock again at least this often and ends at most this late.
    /// </summary>
    internal static readonly TimeSpan LongestTimer = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Task.Delay on a <see cref="TimeProvider"/>, rounded up to the millisecond: timers count whole milliseconds,
    /// and a shorter wait would end at once, making a waiter spin without time moving on.
    /// </summary>
    public static Task Delay(TimeProvider time, TimeSpan wait, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait.TotalMilliseconds))), time, cancellationToken);

    /// <summary>
    /// Waits for <paramref name="due"/>, or for <see cref="LongestTimer"/> if that is sooner: the caller looks at the
    /// clock again when it returns, and waits again if it is early.
    /// </summary>
    public static Task TowardAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - time.GetUtcNow();
        return Delay(time, wait < LongestTimer ? wait : LongestTimer, cancellationToken);
    }

    /// <summary>
    /// Returns at <paramref name="due"/> on <paramref name="time"/>, not milliseconds after as a timer would: a timer
    /// to <see cref="Lead"/> before it, then yielding the thread until it, at most <see cref="SpinLimit"/>.
    /// </summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var early = due - time.GetUtcNow() - Lead;
        if (early > TimeSpan.Zero) await Delay(time, early, cancellationToken).ConfigureAwait(false);
        var spinning = Stopwatch.GetTimestamp();
        while (time.GetUtcNow() < due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Stopwatch.GetElapsedTime(spinning) > SpinLimit)
            {
                await Delay(time, due - time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return;
            }
            Thread.Yield();
        }
    }
}
