namespace SocialReport.Core.Delivery;

/// <summary>
/// Hears of a broadcast: once as it starts sending, then every <see cref="DeliveryOptions.ProgressInterval"/> at most while it runs (an adapter edits
/// its status message), then once with the summary when it is completed or cancelled. Not called when the host stops
/// mid-broadcast: the broadcast resumes at the next start.
/// </summary>
public interface IBroadcastObserver
{
    Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken);

    Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken);
}
