using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Updates;

/// <summary>
/// Handles queued updates: several chats at once, each chat's updates one after the other in the order they came.
/// A failing update is logged and skipped; nothing here stops the host.
/// </summary>
internal sealed class TelegramUpdateWorker(
    TelegramUpdateQueue queue,
    ITelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateWorker> logger) : BackgroundService
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
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var lane = LaneOf(update);
                lock (_gate)
                {
                    if (_lanes.TryGetValue(lane, out var backlog))
                    {
                        if (backlog.Count < MaxBacklogPerChat) backlog.Enqueue(update);
                        else logger.LogWarning("Telegram chat {ChatId} is flooding: update {UpdateId} dropped", lane, update.Id);
                        continue;
                    }
                    _lanes[lane] = new Queue<Update>();
                }
                await slots.WaitAsync(stoppingToken);
                var run = Task.Run(() => RunLaneAsync(lane, update, slots, stoppingToken), CancellationToken.None);
                _running.TryAdd(run, true);
                _ = run.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_running.Keys);
    }

    private async Task RunLaneAsync(long lane, Update first, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            var update = first;
            while (true)
            {
                await HandleAsync(update, stoppingToken);
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

    private async Task HandleAsync(Update update, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(update, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Telegram update {UpdateId} ({Type}) failed", update.Id, update.Type);
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
