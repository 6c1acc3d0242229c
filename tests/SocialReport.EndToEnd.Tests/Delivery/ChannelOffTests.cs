using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>A channel whose adapter is off (e.g. Telegram without a bot token) while another one is on.</summary>
public sealed class ChannelOffTests : DeliveryTests
{
    private readonly FakePlatform _telegram;
    private readonly FakePlatform _teams;

    public ChannelOffTests()
    {
        _archive.Publish(MemoryArchive.Edition(Edition));
        _telegram = new FakePlatform("telegram", _time) { IsEnabled = false };
        _teams = new FakePlatform("teams", _time);
        for (var i = 0; i < 30; i++) _chats.Save(TestChats.Subscriber("telegram", Id(i)));
        _chats.Save(TestChats.Subscriber("telegram", "-100", ChatKind.Group));
        for (var i = 0; i < 5; i++) _chats.Save(TestChats.Subscriber("teams", Id(i)));
    }

    private static string Id(int i) => (7000 + i).ToString(CultureInfo.InvariantCulture);

    private Deliveries Start() => new(_directory.DatabaseFile, _time, _chats, _archive, [_telegram, _teams]);

    [Fact]
    public async Task The_plan_names_the_channel_that_is_off_and_the_broadcast_makes_no_rows_for_it()
    {
        await using var deliveries = Start();

        var plan = deliveries.Service.Plan(Edition, force: false)!;
        var teams = Assert.Single(plan.Channels);
        Assert.Equal(("teams", 5), (teams.Channel, teams.ToSend));
        Assert.Equal(5, plan.ToSend);
        Assert.Equal([new ChannelOff("telegram", 31)], plan.ChannelsOff);

        await using (new ClockDriver(_time, Step))
        {
            var start = await deliveries.Service.StartAsync(Edition, false, "teams:editor");
            var end = await deliveries.Service.WaitAsync(start.Broadcast.Id).WaitAsync(Patience);
            Assert.Equal(BroadcastState.Completed, end!.State);
            Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 5, Failed: 0, Blocked: 0, Gone: 0, Skipped: 0), end.Counts);
            Assert.Null(deliveries.Ledger.Row(start.Broadcast.Id, new ChatKey("telegram", Id(0))));
        }
        Assert.Empty(_telegram.Calls);
        Assert.Equal(5, _teams.ReceivedPerChat().Count);
    }

    [Fact]
    public async Task A_channel_with_no_subscribers_is_not_mentioned()
    {
        var whatsapp = new FakePlatform("whatsapp", _time) { IsEnabled = false };
        await using var deliveries = new Deliveries(_directory.DatabaseFile, _time, _chats, _archive, [whatsapp, _teams]);

        Assert.Empty(deliveries.Service.Plan(Edition, force: false)!.ChannelsOff);
    }

    [Fact]
    public async Task A_broadcast_resumed_after_its_channel_went_off_skips_those_rows_and_a_later_one_serves_them()
    {
        var audience = Enumerable.Range(0, 30).Select(i => new ChatKey("telegram", Id(i)))
            .Concat(Enumerable.Range(0, 5).Select(i => new ChatKey("teams", Id(i)))).ToList();
        string broadcastId;
        await using (var deliveries = Start())
        {
            // Made while Telegram was on; the host restarts without its token before anything was sent.
            var broadcast = deliveries.Ledger.Prepare(Edition, false, DeliveryMode.Edition, "telegram:1");
            broadcastId = deliveries.Ledger.FinishPreparing(broadcast.Id, audience).Id;
            Assert.Equal(35, deliveries.Ledger.Counts(broadcastId).Pending);

            await using (new ClockDriver(_time, Step))
            {
                await deliveries.Service.ResumeAsync(CancellationToken.None);
                var end = await deliveries.Service.WaitAsync(broadcastId).WaitAsync(Patience);
                Assert.Equal(BroadcastState.Completed, end!.State);
                Assert.Equal(new DeliveryCounts(Pending: 0, Sent: 5, Failed: 0, Blocked: 0, Gone: 0, Skipped: 30), end.Counts);
            }
            var row = deliveries.Ledger.Row(broadcastId, new ChatKey("telegram", Id(4)))!;
            Assert.Equal((DeliveryState.Skipped, 0, "channel telegram off"), (row.State, row.Attempts, row.LastError));
            Assert.Equal(SubscriptionState.Active, _chats.Get(row.Chat)!.State);
        }
        Assert.Empty(_telegram.Calls);

        // Telegram on again: a plain /broadcast serves its readers, and only them.
        _telegram.IsEnabled = true;
        await using (var deliveries = Start())
        {
            var plan = deliveries.Service.Plan(Edition, force: false)!;
            Assert.Empty(plan.ChannelsOff);
            Assert.Equal([("telegram", 31), ("teams", 0)], plan.Channels.Select(c => (c.Channel, c.ToSend)));
            await using (new ClockDriver(_time, Step))
            {
                var again = await deliveries.Service.StartAsync(Edition, false, "telegram:1");
                var end = await deliveries.Service.WaitAsync(again.Broadcast.Id).WaitAsync(Patience);
                Assert.Equal((BroadcastState.Completed, 31, 0), (end!.State, end.Sent, end.Skipped));
            }
        }
        Assert.Equal(31, _telegram.ReceivedPerChat().Count);
        Assert.All(_teams.ReceivedPerChat().Values, count => Assert.Equal(1, count));
    }
}
