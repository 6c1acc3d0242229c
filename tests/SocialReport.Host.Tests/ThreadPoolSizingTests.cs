using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Tests;

public class ThreadPoolSizingTests
{
    [Fact]
    public void The_pool_may_grow_at_once_to_every_send_and_update_in_flight_and_the_hosts_other_work()
    {
        ThreadPoolSizing.Apply(Options.Create(new DeliveryOptions { MaxConcurrency = 48 }), inbound: 90);

        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= 48 + 90 + 16, $"minimum worker threads {workers}");
    }
}
