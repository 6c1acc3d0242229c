using Microsoft.Extensions.Logging;

namespace SocialReport.Core.Delivery;

/// <summary>Writes every broadcast's progress to the log, including those resumed at start-up that no status message follows.</summary>
public sealed class LoggingBroadcastObserver(ILogger<LoggingBroadcastObserver> logger) : IBroadcastObserver
{
    public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken)
    {
        logger.BroadcastProgress(progress.BroadcastId, progress.Sent, progress.Failed, progress.Blocked, progress.Gone, progress.Remaining, progress.Rate);
        return Task.CompletedTask;
    }

    public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken)
    {
        logger.BroadcastFinished(summary.BroadcastId, summary.State, summary.Elapsed, summary.Sent, summary.Failed, summary.Blocked, summary.Gone, summary.Skipped, summary.Remaining, summary.Throttled);
        return Task.CompletedTask;
    }
}
