using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// What the editor commands and the host call: plans, starts, watches, cancels and lists broadcasts, runs each one
/// in the background, and resumes those left unfinished at start-up. One broadcast per edition at a time.
/// </summary>
public sealed partial class BroadcastService(
    IDeliveryLedger ledger,
    IEditionArchive archive,
    IChatStore chats,
    IEnumerable<IEditionSender> senders,
    BroadcastRunner runner,
    DeliveryPacers pacers,
    IEnumerable<IBroadcastObserver> observers,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<BroadcastService> logger,
    IBroadcastLeases? leases = null,
    Following? following = null) : IDisposable
{
    private readonly IReadOnlyList<IEditionSender> _senders = [.. senders.DistinctBy(sender => sender.Channel)];
    private readonly IReadOnlyList<IBroadcastObserver> _observers = [.. observers];
    private readonly SemaphoreSlim _starts = new(1, 1);
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;
    private readonly IBroadcastLeases _leases = leases ?? new LocalBroadcastLeases();

    /// <summary>Whether other hosts share the store, so that <see cref="ResumeAsync"/> is worth calling now and then.</summary>
    public bool SharedStore => _leases.Shared;

    /// <summary>The audience per channel and an estimated duration; null when the edition is not in the archive.</summary>
    public BroadcastPlan? Plan(string editionId, bool force)
    {
        var edition = archive.Get(editionId);
        if (edition is null) return null;
        var active = chats.CountByState().Where(count => count.State == SubscriptionState.Active).ToList();
        var channels = new List<ChannelAudience>();
        var longest = TimeSpan.Zero;
        var off = _senders.Where(sender => !sender.IsEnabled)
            .Select(sender => new ChannelOff(sender.Channel, active.Where(count => count.Channel == sender.Channel).Sum(count => count.Count)))
            .Where(channel => channel.Subscribers > 0)
            .ToList();
        foreach (var sender in Enabled())
        {
            var counts = active.Where(count => count.Channel == sender.Channel).ToList();
            int Of(ChatKind kind) => counts.Where(count => count.Kind == kind).Sum(count => count.Count);
            var total = counts.Sum(count => count.Count);
            var served = force ? 0 : Math.Min(total, ledger.Served(editionId, sender.Channel));
            var (byTopics, skipped) = TopicGroups(sender.Channel, edition);
            var audience = new ChannelAudience(sender.Channel, Of(ChatKind.Private), Of(ChatKind.Group), Of(ChatKind.Channel), served, Math.Max(0, total - served - skipped))
            {
                ByTopics = byTopics,
                TopicsSkipped = skipped,
            };
            channels.Add(audience);
            var messages = (double)audience.ToSend * sender.MessageCount(edition, options.Value.Mode);
            var duration = TimeSpan.FromSeconds(messages / pacers.For(sender.Channel).ConfiguredRate);
            if (duration > longest) longest = duration;
        }
        return new BroadcastPlan(editionId, force, channels, longest, ledger.RunningFor(editionId)) { ChannelsOff = off };
    }

    /// <summary>
    /// Creates the broadcast and returns it at once (Preparing); its rows are written, then it runs, in the background.
    /// When one of the same edition is unfinished, nothing is created: <paramref name="observer"/> joins that one instead.
    /// </summary>
    public Task<BroadcastStart> StartAsync(string editionId, bool force, string requestedBy, IBroadcastObserver? observer = null, string? scheduleId = null, CancellationToken cancellationToken = default) =>
        StartAsync(editionId, force, requestedBy, observer, scheduleId, canaryPercent: null, cancellationToken);

    private async Task<BroadcastStart> StartAsync(string editionId, bool force, string requestedBy, IBroadcastObserver? observer, string? scheduleId, int? canaryPercent, CancellationToken cancellationToken)
    {
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ledger.RunningFor(editionId) is { } unfinished)
            {
                // A canary waiting for /confirm or /recall: nothing to run meanwhile.
                if (unfinished.State == BroadcastState.CanaryDone) return new BroadcastStart(unfinished, AlreadyRunning: true);
                if (_runs.TryGetValue(unfinished.Id, out var run))
                {
                    if (observer is not null) run.Observers.Add(observer);
                }
                else
                {
                    // Left unfinished by a failure: take it up again.
                    Launch(unfinished, observer);
                }
                return new BroadcastStart(unfinished, AlreadyRunning: true);
            }
            var created = canaryPercent is { } percent
                ? ledger.PrepareCanary(editionId, force, options.Value.Mode, requestedBy, percent)
                : ledger.Prepare(editionId, force, options.Value.Mode, requestedBy, scheduleId);
            logger.BroadcastCreated(created.Id, editionId, requestedBy, force ? " (forced)" : "");
            if (canaryPercent is { } share) logger.CanaryCreated(created.Id, editionId, share, requestedBy);
            Launch(created, observer);
            return new BroadcastStart(created, AlreadyRunning: false);
        }
        finally
        {
            _starts.Release();
        }
    }

    /// <summary>Stops a broadcast: what was sent stays sent; a new /broadcast sends only to the others. Null when unknown.</summary>
    public BroadcastRecord? Cancel(string broadcastId)
    {
        var cancelled = ledger.Cancel(broadcastId);
        if (cancelled is not null && _runs.TryGetValue(broadcastId, out var run))
        {
            try { run.Stop.Cancel(); }
            catch (ObjectDisposedException) { }
        }
        return cancelled;
    }

    /// <summary>Adds an observer to a broadcast running here; false when it is not running.</summary>
    public bool Watch(string broadcastId, IBroadcastObserver observer)
    {
        if (!_runs.TryGetValue(broadcastId, out var run)) return false;
        run.Observers.Add(observer);
        return true;
    }

    public BroadcastProgress? Progress(string broadcastId)
    {
        var broadcast = ledger.Get(broadcastId);
        if (broadcast is null) return null;
        var rate = _runs.TryGetValue(broadcastId, out var run) ? run.Observers.Last?.Rate : null;
        var progress = BroadcastProgress.Of(broadcast, broadcast.Final ?? ledger.Counts(broadcastId), time.GetUtcNow(), rate);
        return broadcast.IsFinished ? progress : progress with { Waiting = ledger.Waiting(broadcastId, time.GetUtcNow()) };
    }

    /// <summary>Unfinished broadcasts, oldest first.</summary>
    public IReadOnlyList<BroadcastRecord> Running() => ledger.Running();

    /// <summary>The latest broadcasts with their counts, newest first (for /stats).</summary>
    public IReadOnlyList<BroadcastProgress> History(int take) =>
        [.. ledger.History(take).Select(broadcast => Progress(broadcast.Id) ?? BroadcastProgress.Of(broadcast, DeliveryCounts.None, time.GetUtcNow()))];

    /// <summary>Waits until a broadcast running here ends (completed, cancelled, or stopped with the host); its last progress.</summary>
    public async Task<BroadcastProgress?> WaitAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        if (_runs.TryGetValue(broadcastId, out var run)) await run.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Progress(broadcastId);
    }

    /// <summary>At start-up (and now and then when the store is shared): every unfinished broadcast no other host sends goes on here.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var broadcast in ledger.Running().Where(broadcast => !_runs.ContainsKey(broadcast.Id)))
            {
                if (Launch(broadcast, observer: null)) logger.BroadcastResuming(broadcast.Id, broadcast.EditionId);
            }
            ResumeRecalls();
        }
        finally
        {
            _starts.Release();
        }
    }

    /// <summary>The host is stopping: no new send starts; waits (within <paramref name="cancellationToken"/>) for those in flight to be recorded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host disposed before it was stopped (a test factory) has nothing left to stop.
        if (_disposed) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_runs.Values.Select(run => run.Done.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.StoppedWithSendsInFlight();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> unless a broadcast of the edition is unfinished, which is returned instead (the work
    /// not run); no broadcast of it starts on this host meanwhile (<c>/unpublish</c>).
    /// </summary>
    public async Task<BroadcastRecord?> UnlessBroadcastingAsync(string editionId, Action work, CancellationToken cancellationToken)
    {
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ledger.RunningFor(editionId) is { } unfinished) return unfinished;
            work();
            return null;
        }
        finally
        {
            _starts.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
        _starts.Dispose();
    }

    /// <summary>
    /// The channels broadcasts go to: a channel whose adapter is off gets no rows, its readers are served by a later
    /// broadcast. Chats of a channel without a sender (the console and web chats, for trying the bot) get none.
    /// </summary>
    private IEnumerable<IEditionSender> Enabled() => _senders.Where(sender => sender.IsEnabled);

    /// <summary>Every active chat of an enabled channel, but those that want only their topics and have none in the edition.</summary>
    private IEnumerable<ChatKey> Audience(string editionId)
    {
        var edition = following is null ? null : archive.Get(editionId);
        return Enabled().SelectMany(sender => chats.Active(sender.Channel))
            .Where(chat => edition is null || !following!.Cut(chat, edition).IsEmpty)
            .Select(chat => chat.Key);
    }

    /// <summary>A channel's active chats that want only their topics: those the edition has stories for, and those it has none for.</summary>
    private (int ByTopics, int Skipped) TopicGroups(string channel, Edition edition)
    {
        if (following is null) return (0, 0);
        var (byTopics, skipped) = (0, 0);
        foreach (var chat in chats.Active(channel).Where(chat => chat.Mode == TopicMode.Topics))
        {
            if (following.Cut(chat, edition).IsEmpty) skipped++;
            else byTopics++;
        }
        return (byTopics, skipped);
    }

    /// <summary>Runs the broadcast here, unless the host is stopping or another host holds its lease.</summary>
    private bool Launch(BroadcastRecord broadcast, IBroadcastObserver? observer)
    {
        if (_stopping.IsCancellationRequested || !_leases.TryTake(broadcast.Id)) return false;
        var run = new Run(CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token), new BroadcastObservers(observer is null ? _observers : [.. _observers, observer], logger));
        _runs[broadcast.Id] = run;
        _ = Task.Run(() => RunToEndAsync(broadcast, run));
        return true;
    }

    private async Task RunToEndAsync(BroadcastRecord broadcast, Run run)
    {
        var broadcastId = broadcast.Id;
        BroadcastProgress? last = null;
        using var keeping = new CancellationTokenSource();
        var lease = BroadcastLease.KeepAsync(_leases, broadcastId, time, logger, run.Stop.Cancel, keeping.Token);
        try
        {
            // Preparing: its rows are written (or, after a crash, completed) first. Nothing was sent yet.
            if (broadcast.State == BroadcastState.Preparing)
            {
                var audience = Audience(broadcast.EditionId);
                // A canary writes the rows of its sample only; once confirmed, those of the rest (a chat never gets two rows).
                ledger.FinishPreparing(broadcastId, broadcast.InCanary ? CanarySample.Of(broadcastId, audience, broadcast.CanaryPercent!.Value) : audience);
            }
            last = await runner.RunAsync(broadcastId, run.Observers, run.Stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.BroadcastFailed(e, broadcastId);
        }
        finally
        {
            await keeping.CancelAsync().ConfigureAwait(false);
            await lease.ConfigureAwait(false);
            try { _leases.Release(broadcastId); }
            catch (Exception e) { BroadcastLease.ReleaseFailed(logger, e, broadcastId); }
            _runs.TryRemove(broadcastId, out _);
            run.Stop.Dispose();
            run.Done.TrySetResult(last);
        }
    }

    private sealed record Run(CancellationTokenSource Stop, BroadcastObservers Observers)
    {
        public TaskCompletionSource<BroadcastProgress?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
