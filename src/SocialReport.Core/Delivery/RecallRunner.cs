using Microsoft.Extensions.Logging;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Deletes what a broadcast sent (<c>/recall</c>), paced by the channel's pacer and its slots like the broadcast itself:
/// each sent row not recalled yet, every message of it. Each row's result is written as it comes, so a restart goes on
/// with the rows left. A message older than the platform's window (<see cref="IEditionSender.DeleteWindow"/>) is not even tried.
/// </summary>
internal sealed class RecallRunner(IDeliveryLedger ledger, IChatStore chats, IReadOnlyList<IEditionSender> senders, DeliveryPacers pacers, TimeProvider time, ILogger logger)
{
    private const int MaxTransientTries = 4;
    private const int MaxThrottledTries = 10;

    public async Task<RecallSummary> RunAsync(string broadcastId, CancellationToken stop)
    {
        var left = ledger.Rows(broadcastId).Where(row => row.State == DeliveryState.Sent && row.Recall == RecallState.None).ToList();
        logger.RecallRunning(broadcastId, left.Count);
        await Task.WhenAll(left.GroupBy(row => row.Channel).Select(rows => RunChannelAsync(rows.Key, [.. rows], stop))).ConfigureAwait(false);
        var broadcast = stop.IsCancellationRequested ? ledger.Get(broadcastId)! : ledger.FinishRecall(broadcastId)!;
        var summary = RecallSummary.Of(broadcast, ledger.Rows(broadcastId));
        if (broadcast.Recall == BroadcastRecall.Done) logger.RecallEnded(broadcastId, summary.Deleted, summary.NotDeleted);
        return summary;
    }

    private async Task RunChannelAsync(string channel, List<DeliveryRow> rows, CancellationToken stop)
    {
        var sender = senders.FirstOrDefault(s => s.Channel == channel);
        var slots = pacers.Slots(channel);
        var inFlight = new List<Task>();
        try
        {
            foreach (var row in rows)
            {
                if (sender is not { IsEnabled: true })
                {
                    ledger.RecordRecall(row, RecallState.Failed, $"channel {channel} off", time.GetUtcNow());
                    continue;
                }
                await slots.WaitAsync(stop).ConfigureAwait(false);
                inFlight.Add(RecallRowAsync(sender, row, slots, stop));
                inFlight.RemoveAll(task => task.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
    }

    private async Task RecallRowAsync(IEditionSender sender, DeliveryRow row, SemaphoreSlim slots, CancellationToken stop)
    {
        try
        {
            await Task.Yield();
            var now = time.GetUtcNow();
            if (sender.DeleteWindow is { } window && now - row.UpdatedAt > window)
            {
                ledger.RecordRecall(row, RecallState.TooOld, $"sent over {window.TotalHours:0} hours ago", now);
                return;
            }
            var ids = row.MessageIds.Count > 0 ? row.MessageIds : row.MessageId is { } first ? new[] { first } : [];
            if (ids.Count == 0)
            {
                ledger.RecordRecall(row, RecallState.NotFound, "no message id recorded", now);
                return;
            }
            var chat = chats.Get(row.Chat) ?? new Chat { Key = row.Chat, Kind = ChatKind.Private, Language = "fr", UpdatedAt = now };
            (RecallState State, string? Reason) result = (RecallState.Deleted, null);
            foreach (var messageId in ids)
            {
                var one = await DeleteAsync(sender, chat, messageId, stop).ConfigureAwait(false);
                if (result.State == RecallState.Deleted) result = one;
            }
            ledger.RecordRecall(row, result.State, result.Reason, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The row stays to recall: a restart tries it again.
            logger.RecallRowFailed(e, row.BroadcastId, row.Chat);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<(RecallState, string?)> DeleteAsync(IEditionSender sender, Chat chat, string messageId, CancellationToken stop)
    {
        var pacer = pacers.For(sender.Channel);
        var group = sender.PacingGroup(chat);
        for (int transient = 0, throttled = 0; ;)
        {
            DeleteOutcome outcome;
            using (var permit = await pacer.AcquireAsync(chat, group, messages: 1, stop).ConfigureAwait(false))
            {
                outcome = await CatchingAsync(sender, chat, messageId).ConfigureAwait(false);
                if (outcome is DeleteOutcome.RetryAfter wait) permit.Throttled(wait.Delay);
            }
            switch (outcome)
            {
                case DeleteOutcome.Deleted:
                    return (RecallState.Deleted, null);
                case DeleteOutcome.Refused refused:
                    return (refused.State, refused.Reason);
                case DeleteOutcome.RetryAfter when ++throttled >= MaxThrottledTries:
                    return (RecallState.Failed, "too many requests");
                case DeleteOutcome.Transient fault when ++transient >= MaxTransientTries:
                    return (RecallState.Failed, fault.Reason);
                case DeleteOutcome.Transient:
                    await Clock.Delay(time, TimeSpan.FromSeconds(transient), stop).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static async Task<DeleteOutcome> CatchingAsync(IEditionSender sender, Chat chat, string messageId)
    {
        try
        {
            return await sender.DeleteAsync(chat, messageId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException or TaskCanceledException)
        {
            return new DeleteOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }
}
