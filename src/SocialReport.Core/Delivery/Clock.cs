namespace SocialReport.Core.Delivery;

internal static class Clock
{
    /// <summary>
    /// Task.Delay on a <see cref="TimeProvider"/>, rounded up to the millisecond: timers count whole milliseconds,
    /// and a shorter wait would end at once, making a waiter spin without time moving on.
    /// </summary>
    public static Task Delay(TimeProvider time, TimeSpan wait, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait.TotalMilliseconds))), time, cancellationToken);
}
