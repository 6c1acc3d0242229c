using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialReport.Host.Web;

/// <summary>
/// File previews: at most <see cref="WebOptions.PreviewConcurrency"/> imports at once on the whole host, the others
/// refused at once rather than queued. An import answered late (past <see cref="WebOptions.PreviewTimeBudget"/>) keeps
/// its slot until it really ends, so abandoned imports cannot pile up behind the answers.
/// </summary>
internal sealed class PreviewGate(IOptions<WebOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.PreviewConcurrency,
        QueueLimit = 0,
    });

    public TimeSpan Budget => options.Value.PreviewTimeBudget;

    /// <summary>Runs <paramref name="work"/> on the thread pool in a free slot; null when none is free.</summary>
    public Task<T>? TryRun<T>(Func<T> work)
    {
        var lease = _slots.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }
        return Task.Run(() =>
        {
            using (lease)
                return work();
        });
    }

    public void Dispose() => _slots.Dispose();
}
