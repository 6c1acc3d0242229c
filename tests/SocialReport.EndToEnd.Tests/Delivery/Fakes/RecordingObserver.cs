using System.Collections.Concurrent;
using SocialReport.Core.Delivery;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

internal sealed class RecordingObserver(TimeProvider time) : IBroadcastObserver
{
    public ConcurrentQueue<(DateTimeOffset At, BroadcastProgress Progress)> Reports { get; } = new();
    public TaskCompletionSource<BroadcastProgress> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken)
    {
        Reports.Enqueue((time.GetUtcNow(), progress));
        return Task.CompletedTask;
    }

    public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken)
    {
        Finished.TrySetResult(summary);
        return Task.CompletedTask;
    }
}
