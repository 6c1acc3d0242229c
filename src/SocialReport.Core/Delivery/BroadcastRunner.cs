using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Runs one broadcast until no row is pending: per channel, reads due rows in batches, sends within the channel's
/// pacer and its limit on sends in flight (<see cref="DeliveryOptions.MaxConcurrency"/>, shared with every other
/// broadcast running), and records each answer.
/// <para>
/// Crash safety: a row is written Sent only after the platform confirmed it, and a send in flight leaves its row
/// Pending. A kill at any moment therefore loses no subscriber, and the only duplicates after resuming are the
/// deliveries that were in flight at the kill: at most <see cref="DeliveryOptions.MaxConcurrency"/> per channel,
/// however many broadcasts were running.
/// </para>
/// </summary>
public sealed class BroadcastRunner(
    IDeliveryLedger ledger,
    IEditionArchive archive,
    IChatStore chats,
    Subscriptions subscriptions,
    IEnumerable<IEditionSender> senders,
    DeliveryPacers pacers,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<BroadcastRunner> logger,
    SocialReportMetrics? metrics = null,
    Following? following = null)
{
    /// <summary>
    /// Chats read at once for the next sends of a channel: one store read instead of one per send, on the channel's
    /// own loop, so that sends in flight hold no thread waiting on the store.
    /// </summary>
    private const int ChatReads = 32;

    private readonly DeliveryOptions _options = options.Value;
    private readonly IReadOnlyList<IEditionSender> _senders = [.. senders.DistinctBy(sender => sender.Channel)];

    /// <summary>
    /// Sends what is left of a Running broadcast, then completes it. <paramref name="stop"/> (a /cancel, or the host
    /// stopping) stops new sends at once; sends already in flight finish and are recorded. Returns the last progress.
    /// </summary>
    public async Task<BroadcastProgress> RunAsync(string broadcastId, IBroadcastObserver observer, CancellationToken stop)
    {
        var broadcast = ledger.Get(broadcastId) ?? throw new InvalidOperationException($"Unknown broadcast {broadcastId}.");
        if (broadcast.State != BroadcastState.Running)
        {
            // Cancelled while its rows were written: its observers still hear of the end.
            var unchanged = Snapshot(broadcast, rate: null);
            if (broadcast.IsFinished) await observer.OnFinishedAsync(unchanged, CancellationToken.None).ConfigureAwait(false);
            return unchanged;
        }
        var edition = archive.Get(broadcast.EditionId);
        if (edition is null)
        {
            logger.BroadcastEditionMissing(broadcastId, broadcast.EditionId);
            var cancelled = ledger.Cancel(broadcastId)!;
            var summary = Snapshot(cancelled, rate: null);
            await observer.OnFinishedAsync(summary, CancellationToken.None).ConfigureAwait(false);
            return summary;
        }

        logger.BroadcastRunning(broadcastId, broadcast.EditionId);
        using var activity = SocialReportTracing.Source.StartActivity("broadcast");
        activity?.SetTag("socialreport.broadcast", broadcastId).SetTag("socialreport.edition", broadcast.EditionId);
        foreach (var off in _senders.Where(sender => !sender.IsEnabled)) SkipChannel(broadcastId, off.Channel);
        // The status message is posted before the first send, so that even a short broadcast updates it in place.
        var first = Snapshot(broadcast, rate: null);
        try { await observer.OnProgressAsync(first, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        using var reporting = new CancellationTokenSource();
        var meter = new ProgressMeter(_options.RateWindow);
        var tally = new ProgressTally(first.Counts);
        var reports = ReportAsync(broadcastId, meter, tally, observer, reporting.Token);
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        await using (var writer = new LedgerWriter(ledger, time))
        {
            try
            {
                await Task.WhenAll(_senders.Where(sender => sender.IsEnabled).Select(sender => RunChannelAsync(broadcast, edition, sender, writer, tally, halt))).ConfigureAwait(false);
            }
            finally
            {
                await reporting.CancelAsync().ConfigureAwait(false);
                await reports.ConfigureAwait(false);
            }
        }

        var ended = ledger.Get(broadcastId)!;
        if (ended.State == BroadcastState.Running && !halt.IsCancellationRequested) ended = ended.InCanary ? ledger.CanaryDone(broadcastId)! : ledger.Complete(broadcastId)!;
        else if (ended.State == BroadcastState.Cancelled) ended = ledger.Cancel(broadcastId)!;
        var last = Snapshot(ended, rate: null);
        if (ended.IsFinished || ended.State == BroadcastState.CanaryDone)
        {
            logger.BroadcastEnded(broadcastId, ended.State);
            await observer.OnFinishedAsync(last, CancellationToken.None).ConfigureAwait(false);
        }
        return last;
    }

    private async Task RunChannelAsync(BroadcastRecord broadcast, Edition edition, IEditionSender sender, LedgerWriter writer, ProgressTally tally, CancellationTokenSource halt)
    {
        var stop = halt.Token;
        var slots = pacers.Slots(sender.Channel);
        var inFlight = new Dictionary<ChatKey, Task>();
        try
        {
            while (!stop.IsCancellationRequested && ledger.Get(broadcast.Id)?.State == BroadcastState.Running)
            {
                foreach (var done in inFlight.Where(pair => pair.Value.IsCompleted).Select(pair => pair.Key).ToList()) inFlight.Remove(done);
                var now = time.GetUtcNow();
                var due = ledger.Due(broadcast.Id, sender.Channel, now, _options.BatchSize + inFlight.Count)
                    .Where(row => !inFlight.ContainsKey(row.Chat))
                    .ToList();
                if (due.Count == 0)
                {
                    if (inFlight.Count > 0)
                    {
                        await Task.WhenAny(inFlight.Values).WaitAsync(stop).ConfigureAwait(false);
                        continue;
                    }
                    if (ledger.NextAttemptAt(broadcast.Id, sender.Channel) is not { } next) break;
                    if (next > now) await Clock.TowardAsync(time, next, stop).ConfigureAwait(false);
                    continue;
                }
                foreach (var rows in due.Chunk(ChatReads))
                {
                    // Read just before their sends start: a chat that stops meanwhile is seen as late as before.
                    var read = chats.Get([.. rows.Select(row => row.Chat)]);
                    for (var i = 0; i < rows.Length; i++)
                    {
                        await slots.WaitAsync(stop).ConfigureAwait(false);
                        inFlight[rows[i].Chat] = SendAsync(broadcast, edition, sender, rows[i], read[i], writer, tally, slots, halt);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(inFlight.Values).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(BroadcastRecord broadcast, Edition edition, IEditionSender sender, DeliveryRow row, Chat? chat, LedgerWriter writer, ProgressTally tally,
        SemaphoreSlim slots, CancellationTokenSource stop)
    {
        try
        {
            await Task.Yield();
            if (chat is not { State: SubscriptionState.Active })
            {
                tally.Moved(row.State, SettleUnreachable(row, chat).State);
                return;
            }
            if (following?.Cut(chat, edition) is { IsEmpty: true })
            {
                // It follows topics only, and changed them since the broadcast was planned: nothing for it in this edition.
                tally.Moved(row.State, ledger.Skip(row, "none of its topics in this edition", time.GetUtcNow()).State);
                return;
            }
            if (QuietHours.WaitUntil(chat, time.GetUtcNow(), _options.TimeZone) is { } until)
            {
                // Its next attempt is in the ledger: a restart meanwhile waits for the same moment.
                ledger.Hold(row, until, time.GetUtcNow());
                return;
            }
            var pacer = pacers.For(sender.Channel);
            var group = sender.PacingGroup(chat);
            SendOutcome outcome;
            using (var permit = await pacer.AcquireAsync(chat, group, sender.MessageCount(edition, broadcast.Mode), stop.Token).ConfigureAwait(false))
            {
                // In flight from here: the send itself is not cancelled, so that what the platform got is recorded.
                outcome = await EditionSend.SendAsync(logger, sender, chat, edition, broadcast.Mode).ConfigureAwait(false);
                if (outcome is SendOutcome.RetryAfter wait) permit.Throttled(wait.Delay);
            }
            subscriptions.AfterFailedSend(row.Chat, outcome);
            var written = await writer.RecordAsync(row, outcome).ConfigureAwait(false);
            tally.Moved(row.State, written.State);
            metrics?.MessageSent(sender.Channel, outcome);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Most likely the ledger itself failing: going on could resend to chats whose Sent was not written.
            // The row stays Pending; the broadcast stops here and resumes at the next start (or the next /broadcast).
            logger.BroadcastStoppedByDeliveryFailure(e, row.BroadcastId, row.Chat);
            await stop.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// The pending rows of a channel whose adapter is off now (a broadcast resumed after a configuration change):
    /// Skipped, so that the broadcast can finish; only Sent rows count as served, so a /broadcast once the channel is
    /// back on serves those readers.
    /// </summary>
    private void SkipChannel(string broadcastId, string channel)
    {
        var skipped = 0;
        while (ledger.Due(broadcastId, channel, DateTimeOffset.MaxValue, _options.BatchSize) is { Count: > 0 } rows)
        {
            foreach (var row in rows) ledger.Skip(row, $"channel {channel} off", time.GetUtcNow());
            skipped += rows.Count;
        }
        if (skipped > 0)
            logger.BroadcastChannelOff(broadcastId, skipped, channel);
    }

    private DeliveryRow SettleUnreachable(DeliveryRow row, Chat? chat)
    {
        var now = time.GetUtcNow();
        return chat?.State switch
        {
            null => ledger.Record(row, new SendOutcome.Gone("unknown chat"), now),
            SubscriptionState.Blocked => ledger.Record(row, new SendOutcome.Blocked("blocked before delivery"), now),
            SubscriptionState.Gone => ledger.Record(row, new SendOutcome.Gone("gone before delivery"), now),
            _ => ledger.Skip(row, $"no longer subscribed ({chat.State})", now),
        };
    }

    private async Task ReportAsync(string broadcastId, ProgressMeter meter, ProgressTally tally, IBroadcastObserver observer, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Clock.Delay(time, _options.ProgressInterval, done).ConfigureAwait(false);
                var broadcast = ledger.Get(broadcastId);
                if (broadcast is null) return;
                var counts = tally.Counts;
                var progress = BroadcastProgress.Of(broadcast, counts, time.GetUtcNow(), meter.Sample(time.GetUtcNow(), counts.Done));
                progress = progress with { Waiting = ledger.Waiting(broadcastId, time.GetUtcNow()) };
                await observer.OnProgressAsync(progress, done).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.BroadcastProgressReportsStopped(e, broadcastId);
        }
    }

    private BroadcastProgress Snapshot(BroadcastRecord broadcast, double? rate) =>
        BroadcastProgress.Of(broadcast, broadcast.Final ?? ledger.Counts(broadcast.Id), time.GetUtcNow(), rate);
}
