using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class BroadcastTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_plan_names_each_channel_that_is_off_with_the_subscribers_it_leaves_out()
    {
        var plan = new BroadcastPlan("2020-03-06", false, [new ChannelAudience("teams", 4, 1, 2, 0, 7)], TimeSpan.FromSeconds(1), null)
        {
            ChannelsOff = [new ChannelOff("telegram", 31)],
        };

        var en = BroadcastText.Plan(Phrases.For("en"), "6 March 2020", plan);
        var fr = BroadcastText.Plan(Phrases.For("fr"), "6 mars 2020", plan);

        Assert.Contains("teams: 4 private, 1 groups, 2 channels; 0 already served, 7 to send\n\ntelegram is off: 31 subscribed chats left out; a later /broadcast serves them once the channel is on.", en);
        Assert.Contains("telegram est désactivé : 31 conversations abonnées laissées de côté", fr);
        Assert.DoesNotContain("off", BroadcastText.Plan(Phrases.For("en"), "6 March 2020", plan with { ChannelsOff = [] }));
    }

    [Fact]
    public void The_summary_counts_the_deliveries_not_sent()
    {
        var broadcast = new BroadcastRecord { Id = "2020-03-06#1", EditionId = "2020-03-06", RequestedBy = "teams:1", CreatedAt = Start, StartedAt = Start, FinishedAt = Start.AddSeconds(5), State = BroadcastState.Completed };

        var skipped = BroadcastProgress.Of(broadcast, new DeliveryCounts(0, 5, 0, 0, 0, 30), Start.AddSeconds(5));
        var none = BroadcastProgress.Of(broadcast, new DeliveryCounts(0, 5, 0, 0, 0, 0), Start.AddSeconds(5));

        Assert.EndsWith("sent 5 · failed 0 · blocked 0 · remaining 0 · 7.0/s · for 5 s · not sent 30 (unsubscribed or channel off)", BroadcastText.Progress(Phrases.For("en"), skipped));
        Assert.DoesNotContain("not sent", BroadcastText.Progress(Phrases.For("en"), none));
    }
}
