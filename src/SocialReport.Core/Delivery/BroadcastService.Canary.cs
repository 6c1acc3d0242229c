using System.Collections.Concurrent;

namespace SocialReport.Core.Delivery;

/// <summary>Canaries (a share of the audience first, then <c>/confirm</c>) and recalls (<c>/recall</c>): what the commands and the console call.</summary>
public sealed partial class BroadcastService
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RecallSummary?>> _recalls = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a canary: the broadcast goes to <paramref name="percent"/> % of the audience (a random, stable sample), then waits in
    /// <see cref="BroadcastState.CanaryDone"/> for <see cref="ConfirmCanaryAsync"/> or <see cref="RecallAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not within 1–50.</exception>
    public Task<BroadcastStart> StartCanaryAsync(string editionId, bool force, int percent, string requestedBy, IBroadcastObserver? observer = null, CancellationToken cancellationToken = default)
    {
        if (!CanarySample.IsValid(percent)) throw new ArgumentOutOfRangeException(nameof(percent), percent, "A canary is 1 to 50 % of the audience.");
        return StartAsync(editionId, force, requestedBy, observer, scheduleId: null, canaryPercent: percent, cancellationToken);
    }

    /// <summary>Canaries waiting for /confirm or /recall, newest first.</summary>
    public IReadOnlyList<BroadcastRecord> CanariesWaiting() =>
        [.. ledger.History(100).Where(broadcast => broadcast.State == BroadcastState.CanaryDone)];

    /// <summary>
    /// Sends a waiting canary to the rest of its audience (never a second time to a chat of the sample). Returns the broadcast as it
    /// stands: Preparing then Running when confirmed; unchanged when it was not waiting; null when unknown.
    /// </summary>
    public async Task<BroadcastRecord?> ConfirmCanaryAsync(string broadcastId, string requestedBy, IBroadcastObserver? observer = null, CancellationToken cancellationToken = default)
    {
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ledger.Get(broadcastId) is not { State: BroadcastState.CanaryDone }) return ledger.Get(broadcastId);
            var confirmed = ledger.ConfirmCanary(broadcastId);
            if (confirmed is { State: BroadcastState.Preparing })
            {
                logger.CanaryConfirmed(broadcastId, requestedBy);
                Launch(confirmed, observer);
            }
            return confirmed;
        }
        finally
        {
            _starts.Release();
        }
    }

    /// <summary>
    /// Takes back what a broadcast sent: a running broadcast (or a waiting canary) is stopped first, then every message it sent is
    /// deleted where the platform allows, paced like a broadcast, in the background. Null when unknown.
    /// </summary>
    public async Task<BroadcastRecord?> RecallAsync(string broadcastId, string requestedBy, IRecallObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var broadcast = ledger.Get(broadcastId);
        if (broadcast is null) return null;
        logger.RecallAsked(broadcastId, requestedBy);
        if (broadcast.State is BroadcastState.Preparing or BroadcastState.Running or BroadcastState.CanaryDone)
        {
            Cancel(broadcastId);
            // Its sends in flight are recorded before the recall reads the rows.
            await WaitAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        }
        var recalling = ledger.StartRecall(broadcastId)!;
        if (recalling.Recall == BroadcastRecall.Running) LaunchRecall(recalling.Id, observer);
        return recalling;
    }

    /// <summary>Where the recall of a broadcast stands; null when unknown.</summary>
    public RecallSummary? RecallStatus(string broadcastId) =>
        ledger.Get(broadcastId) is { } broadcast ? RecallSummary.Of(broadcast, ledger.Rows(broadcastId)) : null;

    /// <summary>Waits until a recall running here ends; where it stands then.</summary>
    public async Task<RecallSummary?> WaitRecallAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        if (_recalls.TryGetValue(broadcastId, out var run)) await run.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return RecallStatus(broadcastId);
    }

    /// <summary>Recalls left running by a stop or a crash go on here (under the _starts lock).</summary>
    private void ResumeRecalls()
    {
        foreach (var broadcast in ledger.Recalling().Where(broadcast => !_recalls.ContainsKey(broadcast.Id)))
        {
            if (LaunchRecall(broadcast.Id, observer: null)) logger.RecallResuming(broadcast.Id);
        }
    }

    private bool LaunchRecall(string broadcastId, IRecallObserver? observer)
    {
        var lease = "recall:" + broadcastId;
        var done = new TaskCompletionSource<RecallSummary?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_stopping.IsCancellationRequested || !_recalls.TryAdd(broadcastId, done)) return false;
        if (!_leases.TryTake(lease))
        {
            _recalls.TryRemove(broadcastId, out _);
            return false;
        }
        _ = Task.Run(() => RecallToEndAsync(broadcastId, lease, observer, done));
        return true;
    }

    private async Task RecallToEndAsync(string broadcastId, string lease, IRecallObserver? observer, TaskCompletionSource<RecallSummary?> done)
    {
        RecallSummary? summary = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        using var keeping = new CancellationTokenSource();
        var renewing = BroadcastLease.KeepAsync(_leases, lease, time, logger, stop.Cancel, keeping.Token);
        try
        {
            summary = await new RecallRunner(ledger, chats, _senders, pacers, time, logger).RunAsync(broadcastId, stop.Token).ConfigureAwait(false);
            if (summary.State == BroadcastRecall.Done && observer is not null)
            {
                try { await observer.OnRecalledAsync(summary, CancellationToken.None).ConfigureAwait(false); }
                catch (Exception e) { logger.RecallObserverFailed(e); }
            }
        }
        catch (Exception e)
        {
            logger.RecallFailed(e, broadcastId);
        }
        finally
        {
            await keeping.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            try { _leases.Release(lease); }
            catch (Exception e) { BroadcastLease.ReleaseFailed(logger, e, lease); }
            _recalls.TryRemove(broadcastId, out _);
            done.TrySetResult(summary);
        }
    }
}
