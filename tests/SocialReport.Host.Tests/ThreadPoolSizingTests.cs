namespace SocialReport.Host.Tests;

public class ThreadPoolSizingTests
{
    [Fact]
    public void The_pool_may_grow_at_once_to_every_update_in_flight_and_the_hosts_other_work()
    {
        ThreadPoolSizing.Apply(inbound: 90);

        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= 90 + 16, $"minimum worker threads {workers}");
    }
}
