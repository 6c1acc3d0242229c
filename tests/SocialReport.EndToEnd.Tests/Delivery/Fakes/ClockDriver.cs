using Microsoft.Extensions.Time.Testing;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>
/// Makes fake time run while work runs on it, so that its waits end: as fast as it can by default (a broadcast's
/// pacing), or one <c>step</c> per <c>every</c> of the wall clock (a whole host, at the
/// wall clock's pace when both are equal), while the test can still move the clock on by hand.
/// </summary>
internal sealed class ClockDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockDriver(FakeTimeProvider time, TimeSpan step, TimeSpan? every = null)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                time.Advance(step);
                if (every is { } pause) await Task.Delay(pause, CancellationToken.None);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
