using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class ProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_rate_is_measured_over_the_last_window()
    {
        var meter = new ProgressMeter(TimeSpan.FromSeconds(10));
        Assert.Equal(0, meter.Sample(Start, 0));
        Assert.Equal(10, meter.Sample(Start.AddSeconds(3), 30));
        Assert.Equal(10, meter.Sample(Start.AddSeconds(6), 60));
        // Slower now: the early samples leave the window.
        meter.Sample(Start.AddSeconds(9), 63);
        meter.Sample(Start.AddSeconds(12), 66);
        meter.Sample(Start.AddSeconds(15), 69);
        Assert.Equal(1, meter.Sample(Start.AddSeconds(18), 72), precision: 6);
    }

    [Fact]
    public void Eta_and_elapsed_follow_the_rate()
    {
        var broadcast = new BroadcastRecord { Id = "2020-03-06#1", EditionId = "2020-03-06", RequestedBy = "telegram:1", CreatedAt = Start, StartedAt = Start, State = BroadcastState.Running, Throttled = 4 };
        var progress = BroadcastProgress.Of(broadcast, new DeliveryCounts(Pending: 300, Sent: 90, Failed: 5, Blocked: 4, Gone: 1, Skipped: 0), Start.AddSeconds(10), rate: 10);
        Assert.Equal(TimeSpan.FromSeconds(30), progress.Eta);
        Assert.Equal(TimeSpan.FromSeconds(10), progress.Elapsed);
        Assert.Equal(400, progress.Total);
        Assert.Equal(300, progress.Remaining);
        Assert.Equal(4, progress.Throttled);

        var average = BroadcastProgress.Of(broadcast, new DeliveryCounts(300, 90, 5, 4, 1, 0), Start.AddSeconds(20));
        Assert.Equal(5, average.Rate);
    }

    [Fact]
    public void A_finished_broadcast_has_no_eta()
    {
        var broadcast = new BroadcastRecord { Id = "b", EditionId = "e", RequestedBy = "x", CreatedAt = Start, StartedAt = Start, FinishedAt = Start.AddSeconds(4), State = BroadcastState.Cancelled };
        var progress = BroadcastProgress.Of(broadcast, new DeliveryCounts(10, 20, 0, 0, 0, 0), Start.AddHours(1));
        Assert.Null(progress.Eta);
        Assert.Equal(TimeSpan.FromSeconds(4), progress.Elapsed);
        Assert.Equal(5, progress.Rate);
    }
}
