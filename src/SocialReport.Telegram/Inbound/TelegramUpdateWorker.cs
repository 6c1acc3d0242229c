using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Diagnostics;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

/// <summary>
/// Handles queued updates: several chats at once, each chat's updates one after the other in the order they came,
/// those left unhandled by the last stop first. Each is completed in the inbox once handled; a failing update is logged,
/// skipped and completed too; one interrupted by the host stopping is not, so it is handled again at the next start.
/// Nothing here stops the host.
/// </summary>
internal sealed class TelegramUpdateWorker(
    TelegramUpdateQueue queue,
    ITelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateWorker> logger,
    TimeProvider? time = null) : BackgroundService
{
    /// <summary>Beyond this a chat is flooding: its further updates are dropped until it catches up.</summary>
    private const int MaxBacklogPerChat = 100;

    private readonly Dictionary<long, Queue<Update>> _lanes = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentChats);
        try
        {
            foreach (var update in await TakeUnhandledAsync(stoppingToken))
                await DispatchAsync(update, slots, stoppingToken);
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
                await DispatchAsync(update, slots, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_running.Keys);
    }

    /// <summary>The updates left unhandled, read again and again while the inbox's store does not answer (a database starting).</summary>
    private async Task<IReadOnlyList<Update>> TakeUnhandledAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return queue.TakeUnhandled();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = TelegramBotService.Backoff(failures);
                logger.TelegramInboxUnreadable(delay, e.Message);
                await Task.Delay(delay, time ?? TimeProvider.System, stoppingToken);
            }
        }
    }

    /// <summary>Behind the chat's earlier updates, or in a lane of its own when the chat has none waiting.</summary>
    private async Task DispatchAsync(Update update, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var lane = LaneOf(update);
        bool newLane, dropped = false;
        lock (_gate)
        {
            newLane = !_lanes.TryGetValue(lane, out var backlog);
            if (newLane) _lanes[lane] = new Queue<Update>();
            else if (backlog!.Count < MaxBacklogPerChat) backlog.Enqueue(update);
            else dropped = true;
        }
        if (dropped)
        {
            logger.TelegramChatFlooding(lane, update.Id);
            await CompleteAsync(update);
        }
        if (!newLane) return;
        await slots.WaitAsync(stoppingToken);
        var run = Task.Run(() => RunLaneAsync(lane, update, slots, stoppingToken), CancellationToken.None);
        _running.TryAdd(run, true);
        _ = run.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task RunLaneAsync(long lane, Update first, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            var update = first;
            while (true)
            {
                if (await HandleAsync(update, stoppingToken)) await CompleteAsync(update);
                lock (_gate)
                {
                    var backlog = _lanes[lane];
                    if (backlog.Count == 0 || stoppingToken.IsCancellationRequested)
                    {
                        _lanes.Remove(lane);
                        return;
                    }
                    update = backlog.Dequeue();
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>False when the host stopping interrupted it.</summary>
    private async Task<bool> HandleAsync(Update update, CancellationToken stoppingToken)
    {
        // A span in the webhook request's trace: the command and the replies' calls to the Bot API are under it.
        using var activity = SocialReportTracing.Source.StartActivity("telegram.update", ActivityKind.Consumer, queue.TakeTrace(update));
        activity?.SetTag("socialreport.update", update.Id);
        try
        {
            await handler.HandleAsync(update, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Cut short by the stop (the Bot API client reports it as its own error): handled again at the next start.
            return false;
        }
        catch (Exception e)
        {
            logger.TelegramUpdateFailed(e, update.Id, update.Type);
        }
        return true;
    }

    private async Task CompleteAsync(Update update)
    {
        try
        {
            await queue.CompleteAsync(update);
        }
        catch (Exception e)
        {
            // The store failing: the update may be handled again at the next start, which is the lesser harm.
            logger.TelegramUpdateNotMarked(e, update.Id);
        }
    }

    /// <summary>The chat an update belongs to; updates of no chat get a lane of their own.</summary>
    internal static long LaneOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? long.MinValue + update.Id;
}
