using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>A broadcast to Teams readers who installed the app, against a connector enforcing Teams' limits.</summary>
public sealed class BroadcastTests(FakeBotFramework botFramework, ITestOutputHelper output) : IClassFixture<FakeBotFramework>
{
    private const string Edition = "2020-03-06";

    [Fact]
    public async Task A_hundred_and_fifty_readers_in_three_tenants_with_gone_ones_429s_and_5xx_each_get_the_edition_once_within_the_limits()
    {
        await using var fake = botFramework.Start();
        using var bot = new TeamsBotHost(fake, new Dictionary<string, string?>
        {
            // Above one tenant's 50/s: the per-tenant pacing, not the bot-wide pace, is what must keep each tenant under it.
            ["Delivery:Teams:MessagesPerSecond"] = "100",
            ["Delivery:RetryBaseDelay"] = "00:00:00.200",
            ["Delivery:RetryMaxDelay"] = "00:00:01",
            ["Delivery:Adaptive:QuietPeriod"] = "00:00:01",
            ["Delivery:Adaptive:IncreaseFraction"] = "0.3",
        });
        var random = new Random(6);
        var tenants = new[] { (TeamsReaders.NewId(random), 0.6), (TeamsReaders.NewId(random), 0.3), (TeamsReaders.NewId(random), 0.1) };
        var readers = TeamsReaders.Spread(150, tenants, seed: 6);

        // Installs greet each reader faster than Teams would allow: the limits apply from the broadcast on.
        fake.RateLimits = ConnectorRateLimits.Off;
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>(); // starts the host once, before the parallel installs
        await Parallel.ForEachAsync(readers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (reader, _) =>
        {
            fake.AddConversation(reader.ConversationId, reader.TenantId);
            await bot.SendAsync(reader.Install(fake.ServiceUrl));
        });
        Assert.All(readers, r => Assert.Equal(SubscriptionState.Active, bot.Chats.Get(r.Key)!.State));
        var blocked = readers.Take(4).ToHashSet();
        var uninstalled = readers.Skip(4).Take(4).ToHashSet();
        foreach (var reader in blocked) fake.MakeGone(reader.ConversationId, RecipientGone.Blocked);
        foreach (var reader in uninstalled) fake.MakeGone(reader.ConversationId, RecipientGone.NotFound);
        fake.ClearDelivered();
        fake.RateLimits = ConnectorRateLimits.Teams;
        fake.RandomFaults = new RandomFaults(ThrottledShare: 0.03, ServerErrorShare: 0.04, Seed: 6);

        var audience = broadcasts.Plan(Edition, force: false)!.Channels.Single(c => c.Channel == "teams");
        Assert.Equal(("teams", 150, 150), (audience.Channel, audience.Private, audience.ToSend));
        var clock = Stopwatch.StartNew();
        var start = await broadcasts.StartAsync(Edition, force: false, requestedBy: "test");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"broadcast: {clock.Elapsed.TotalSeconds:F1} s, {fake.TooManyRequestsReturned} 429s, {fake.FaultsInjected} faults injected");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        Assert.Equal(BroadcastState.Completed, summary!.State);
        foreach (var reader in readers)
        {
            var received = fake.DeliveredTo(reader.ConversationId);
            if (blocked.Contains(reader) || uninstalled.Contains(reader))
            {
                Assert.Empty(received);
                Assert.Equal(blocked.Contains(reader) ? SubscriptionState.Blocked : SubscriptionState.Gone, bot.Chats.Get(reader.Key)!.State);
                continue;
            }
            var message = Assert.Single(received);
            var card = message.Json!["attachments"]![0]!["content"]!.AsObject();
            CardAssert.Valid(card);
            Assert.Equal("6 mars 2020", CardAssert.Texts(card).ElementAt(1));
            Assert.Equal(SubscriptionState.Active, bot.Chats.Get(reader.Key)!.State);
        }
        Assert.Empty(fake.LimitViolations);
        Assert.True(fake.FaultsInjected > 0 && fake.TooManyRequestsReturned > 0, "no fault was injected");

        var ledger = bot.Services.GetRequiredService<IDeliveryLedger>();
        Assert.Equal(ledger.Counts(start.Broadcast.Id), summary.Counts);
        Assert.Equal((142, 4, 4, 0, 0), (summary.Sent, summary.Blocked, summary.Gone, summary.Failed, summary.Remaining));
        Assert.Equal(fake.TooManyRequestsReturned, summary.Throttled);
    }

    [Fact]
    public async Task Card_by_card_a_story_failing_after_the_cover_does_not_make_the_reader_get_the_cover_again()
    {
        await using var fake = botFramework.Start();
        using var bot = new TeamsBotHost(fake, new Dictionary<string, string?>
        {
            ["Delivery:Mode"] = "Cards",
            ["Delivery:RetryBaseDelay"] = "00:00:00.100",
        });
        var reader = TeamsReaders.Spread(1, [(TestIds.TenantId, 1)], seed: 9).Single();
        TeamsReaders.Subscribe(bot.Services.GetRequiredService<Subscriptions>(), reader, fake.ServiceUrl);
        fake.FailNext(Fault.Pass, reader.ConversationId);
        fake.FailNext(new Fault(500, "InternalServerError"), reader.ConversationId);

        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var start = await broadcasts.StartAsync(Edition, force: false, requestedBy: "test");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((BroadcastState.Completed, 1), (summary!.State, summary.Sent));
        var received = fake.DeliveredTo(reader.ConversationId).Select(r => CardAssert.Texts(r.Json!["attachments"]![0]!["content"]!.AsObject()).First()).ToList();
        Assert.Equal(5, received.Count); // the cover once, then the four stories
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], received.Skip(1).Select(text => text[..3]));
    }
}
