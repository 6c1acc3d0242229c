using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Deletes the delivery rows (which chat got which broadcast) of broadcasts finished more than
/// <see cref="DeliveryOptions.RetentionDays"/> ago, at start-up and then every <see cref="Every"/>; the broadcasts keep their counts.
/// </summary>
public sealed class LedgerRetention(IDeliveryLedger ledger, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<LedgerRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>One pass; returns how many rows went.</summary>
    public int Prune()
    {
        var pruned = ledger.Prune(time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays));
        if (pruned > 0) logger.LedgerPruned(pruned, options.Value.RetentionDays);
        return pruned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { Prune(); }
                catch (Exception e) when (e is not OperationCanceledException) { logger.LedgerPruneFailed(e); }
                await Clock.Delay(time, Every, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
