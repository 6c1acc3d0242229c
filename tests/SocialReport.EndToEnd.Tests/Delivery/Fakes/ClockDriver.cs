using Microsoft.Extensions.Time.Testing;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>Makes fake time run (faster than real time) while a broadcast runs on it, so that pacing waits end.</summary>
internal sealed class ClockDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockDriver(FakeTimeProvider time, TimeSpan step)
    {
        _loop = Task.Run(() =>
        {
            // Advance sleeps a millisecond after each step, letting the woken work run.
            while (!_stop.IsCancellationRequested) time.Advance(step);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
