using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Delivery;

/// <summary>The hosted service of deliveries: resumes unfinished broadcasts at start-up, then ticks the scheduler.</summary>
public sealed class DeliveryWorker(BroadcastService broadcasts, BroadcastScheduler scheduler, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeAsync(stoppingToken).ConfigureAwait(false);
            if (broadcasts.SharedStore) _ = TakeOverAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = options.Value.SchedulerInterval;
                try { wait = await scheduler.TickAsync(stoppingToken).ConfigureAwait(false); }
                catch (Exception e) when (e is not OperationCanceledException) { logger.SchedulerFailed(e); }
                await Clock.Delay(time, wait, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Resumes the broadcasts left unfinished; a store that does not answer yet (a database server starting) is tried again.</summary>
    private async Task ResumeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await broadcasts.ResumeAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                BroadcastLease.TakeOverFailed(logger, e);
                await Clock.Delay(time, BroadcastLease.RenewEvery, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Other hosts share the store: a broadcast whose sender died (its lease ran out) is taken over here.</summary>
    private async Task TakeOverAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Clock.Delay(time, BroadcastLease.RenewEvery, stoppingToken).ConfigureAwait(false);
                try { await broadcasts.ResumeAsync(stoppingToken).ConfigureAwait(false); }
                catch (Exception e) when (e is not OperationCanceledException) { BroadcastLease.TakeOverFailed(logger, e); }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await broadcasts.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
