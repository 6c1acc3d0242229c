namespace SocialReport.Core.Delivery;

/// <summary>Exponential backoff with jitter for transient failures, bounded in attempts and in delay.</summary>
public sealed class RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    private readonly Lock _gate = new();

    public int MaxAttempts => maxAttempts;

    public static RetryPolicy From(DeliveryOptions options, Random? random = null) =>
        new(options.MaxAttempts, options.RetryBaseDelay, options.RetryMaxDelay, random ?? Random.Shared);

    /// <summary>
    /// How long to wait after <paramref name="failedAttempts"/> attempts, or null to give up. The delay is drawn in
    /// [d/2, d] with d = base × 2^(attempts−1) capped at the maximum ("equal jitter"), so that retries of many
    /// chats failing together spread out without any retry coming too soon.
    /// </summary>
    public TimeSpan? DelayAfter(int failedAttempts)
    {
        if (failedAttempts >= maxAttempts) return null;
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        double draw;
        lock (_gate) draw = random.NextDouble();
        return TimeSpan.FromMilliseconds(ceiling / 2 + draw * ceiling / 2);
    }
}
