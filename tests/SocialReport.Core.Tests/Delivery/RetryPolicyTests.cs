using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 1000, 2000)]
    [InlineData(2, 2000, 4000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(4, 8000, 16000)]
    public void Delays_double_with_jitter_between_half_and_full(int failedAttempts, double minMs, double maxMs)
    {
        var policy = new RetryPolicy(maxAttempts: 10, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), new Random(7));
        var delays = Enumerable.Range(0, 500).Select(_ => policy.DelayAfter(failedAttempts)!.Value.TotalMilliseconds).ToList();
        Assert.All(delays, delay => Assert.InRange(delay, minMs, maxMs));
        Assert.True(delays.Max() - delays.Min() > (maxMs - minMs) / 2, "jitter spreads the delays");
    }

    [Fact]
    public void Delays_never_exceed_the_maximum()
    {
        var policy = new RetryPolicy(maxAttempts: 100, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), new Random(1));
        Assert.All(Enumerable.Range(5, 95), attempts => Assert.InRange(policy.DelayAfter(attempts)!.Value, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Gives_up_after_the_maximum_attempts()
    {
        var policy = new RetryPolicy(maxAttempts: 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(1));
        Assert.NotNull(policy.DelayAfter(4));
        Assert.Null(policy.DelayAfter(5));
        Assert.Null(policy.DelayAfter(6));
    }
}
