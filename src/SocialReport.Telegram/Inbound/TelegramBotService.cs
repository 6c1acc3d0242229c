using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Telegram.Outbound;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SocialReport.Telegram.Inbound;

/// <summary>
/// The bot's start-up (getMe, the command menu, setWebhook or deleteWebhook) and, in polling mode, the getUpdates loop.
/// Failures are logged and retried with backoff; the host never stops because Telegram is unreachable. Hosts sharing
/// a store poll one at a time (Telegram answers two concurrent getUpdates with 409): the holder of the
/// <see cref="PollerLease"/>, which another host takes over when the holder dies.
/// </summary>
internal sealed class TelegramBotService(
    TelegramClients clients,
    BotIdentity identity,
    BotCommandMenu menu,
    TelegramUpdateQueue queue,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramBotService> logger,
    IBroadcastLeases? leases = null) : BackgroundService
{
    /// <summary>The lease, among the broadcasts' ones, of the one host that polls.</summary>
    public const string PollerLease = "telegram-poller";

    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.TelegramAdapterOff();
            return;
        }
        try
        {
            var me = await UntilDoneAsync("getMe", identity.GetAsync, stoppingToken);
            logger.TelegramBotStarting(me.Username, settings.Mode, settings.ApiBaseUrl);
            await UntilDoneAsync("setMyCommands", async ct => { await menu.RegisterAsync(ct); return true; }, stoppingToken);
            if (settings.Mode == TelegramMode.Webhook)
            {
                await UntilDoneAsync("setWebhook", async ct =>
                {
                    await clients.ForReplies().SetWebhook(settings.WebhookUrl!, allowedUpdates: AllowedUpdates, dropPendingUpdates: false,
                        secretToken: settings.WebhookSecret, cancellationToken: ct);
                    return true;
                }, stoppingToken);
                logger.TelegramWebhookRegistered(settings.WebhookUrl);
                return;
            }
            await UntilDoneAsync("deleteWebhook", async ct => { await clients.ForReplies().DeleteWebhook(dropPendingUpdates: false, ct); return true; }, stoppingToken);
            if (leases is { Shared: true }) await PollWhileHoldingAsync(leases, settings, stoppingToken);
            else await PollAsync(settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A bug of ours, not Telegram's: say so loudly, but a failing channel must not take the host down with it.
            logger.TelegramAdapterStopped(e);
        }
    }

    /// <summary>
    /// Polls while this host holds the poller lease (renewed meanwhile); else looks for it again every
    /// <see cref="BroadcastLease.RenewEvery"/>. Updates taken but not confirmed by a host that died come again to the next
    /// poller, and the shared inbox handles each once.
    /// </summary>
    private async Task PollWhileHoldingAsync(IBroadcastLeases shared, TelegramOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!TryTake(shared))
            {
                await Task.Delay(BroadcastLease.RenewEvery, time, stoppingToken);
                continue;
            }
            logger.TelegramPollerLeaseTaken();
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var keeping = new CancellationTokenSource();
            var kept = BroadcastLease.KeepAsync(shared, PollerLease, time, logger, lost.Cancel, keeping.Token);
            try
            {
                await PollAsync(settings, lost.Token);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
            }
            finally
            {
                await keeping.CancelAsync();
                await kept;
                try { shared.Release(PollerLease); }
                catch (Exception e) { logger.TelegramPollerLeaseFailed(e.Message); }
            }
        }
    }

    private bool TryTake(IBroadcastLeases shared)
    {
        try
        {
            return shared.TryTake(PollerLease);
        }
        catch (Exception e)
        {
            // The store is unreachable: no host can be sure it polls alone, so this one waits for it.
            logger.TelegramPollerLeaseFailed(e.Message);
            return false;
        }
    }

    private async Task PollAsync(TelegramOptions settings, CancellationToken stoppingToken)
    {
        var offset = 0;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await clients.ForReplies().GetUpdates(offset, limit: 100, timeout: settings.PollingTimeoutSeconds,
                    allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff(failures);
                logger.TelegramGetUpdatesFailed(failures, delay, TelegramErrors.Describe(e));
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }
            // The next getUpdates confirms every update below the offset: each is in the inbox by then. One the inbox could
            // not keep (its database not answering) is not confirmed: it comes again with the next getUpdates.
            try
            {
                foreach (var update in updates)
                {
                    if (await queue.EnqueueAsync(update, stoppingToken) == Enqueued.TooLarge)
                        logger.TelegramUpdateTooLarge(update.Id);
                    offset = update.Id + 1;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                var delay = Backoff(failures);
                logger.TelegramInboxUnreadable(delay, e.Message);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task<T> UntilDoneAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await call(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && TelegramErrors.ToOutcome(e) is not null)
            {
                var delay = Backoff(failures);
                logger.TelegramCallRetrying(what, delay, TelegramErrors.Describe(e));
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s… up to 30 s, with up to a fifth more at random so that restarts don't beat in step.</summary>
    internal static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() / 5));
    }
}
