using System.Threading.RateLimiting;

namespace SocialReport.Host.Web;

/// <summary>
/// Wrong status tokens per client address, from the sign-in form and the bearer header alike: after
/// <see cref="PerMinute"/> in a minute, every try from that address is refused until the minute is over, the right
/// token included, so guessing cannot go faster. A signed-in page refreshing with its cookie never counts.
/// </summary>
internal sealed class TokenGuesses : IDisposable
{
    public const int PerMinute = 10;

    private readonly PartitionedRateLimiter<string> _misses = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool MayTry(string address)
    {
        using var lease = _misses.AttemptAcquire(address, permitCount: 0);
        return lease.IsAcquired;
    }

    public void Missed(string address)
    {
        using var lease = _misses.AttemptAcquire(address);
    }

    public static IResult TooMany(HttpResponse response)
    {
        response.Headers.RetryAfter = "60";
        return Results.Problem("Too many wrong tokens from this address: wait a minute.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _misses.Dispose();
}
