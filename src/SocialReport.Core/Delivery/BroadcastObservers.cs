using Microsoft.Extensions.Logging;

namespace SocialReport.Core.Delivery;

/// <summary>The observers of one running broadcast; more can join while it runs (a second /broadcast of the same edition).</summary>
internal sealed class BroadcastObservers(IEnumerable<IBroadcastObserver> observers, ILogger logger) : IBroadcastObserver
{
    private readonly Lock _gate = new();
    private readonly List<IBroadcastObserver> _observers = [.. observers];
    private volatile BroadcastProgress? _last;

    public BroadcastProgress? Last => _last;

    public void Add(IBroadcastObserver observer)
    {
        lock (_gate) _observers.Add(observer);
    }

    public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken)
    {
        _last = progress;
        return EachAsync(observer => observer.OnProgressAsync(progress, cancellationToken));
    }

    public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken)
    {
        _last = summary;
        return EachAsync(observer => observer.OnFinishedAsync(summary, cancellationToken));
    }

    private async Task EachAsync(Func<IBroadcastObserver, Task> call)
    {
        IBroadcastObserver[] observers;
        lock (_gate) observers = [.. _observers];
        foreach (var observer in observers)
        {
            // A status message that cannot be edited must not stop the broadcast.
            try { await call(observer).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.BroadcastObserverFailed(e); }
        }
    }
}
