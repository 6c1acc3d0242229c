namespace SocialReport.Core.Delivery;

/// <summary>The rate of finished deliveries over a sliding window, from samples of the done count.</summary>
internal sealed class ProgressMeter(TimeSpan window)
{
    private readonly Queue<(DateTimeOffset At, int Done)> _samples = new();

    /// <summary>Adds a sample and returns deliveries per second since the oldest sample within the window.</summary>
    public double Sample(DateTimeOffset now, int done)
    {
        _samples.Enqueue((now, done));
        // Keep one sample at or beyond the window's start as the baseline.
        while (_samples.Count > 2 && now - _samples.ElementAt(1).At >= window) _samples.Dequeue();
        var (at, first) = _samples.Peek();
        var seconds = (now - at).TotalSeconds;
        return seconds > 0 ? Math.Max(0, done - first) / seconds : 0;
    }
}
