using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>/recall on Teams: every activity a broadcast posted is deleted (DELETE …/activities/{id}), the cover and each story card.</summary>
public sealed class RecallTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>
{
    [Fact]
    public async Task A_recall_deletes_every_activity_a_cards_broadcast_posted()
    {
        await using var fake = botFramework.Start();
        using var bot = new TeamsBotHost(fake, new Dictionary<string, string?> { ["Delivery:Mode"] = "Cards", ["Delivery:Teams:MessagesPerSecond"] = "100" });
        var readers = TeamsReaders.Spread(12, [(TeamsReaders.NewId(new Random(3)), 1.0)], seed: 3);
        fake.RateLimits = ConnectorRateLimits.Off;
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        foreach (var reader in readers)
        {
            fake.AddConversation(reader.ConversationId, reader.TenantId);
            await bot.SendAsync(reader.Install(fake.ServiceUrl));
        }
        fake.ClearDelivered();

        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        Assert.Equal(BroadcastState.Completed, (await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60)))!.State);
        var posted = readers.SelectMany(reader => fake.DeliveredTo(reader.ConversationId)).Select(request => request.AnsweredActivityId!).ToList();
        Assert.True(posted.Count > readers.Count, "a cover and its stories for each reader");

        await broadcasts.RecallAsync(start.Broadcast.Id, "test");
        var summary = await broadcasts.WaitRecallAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((BroadcastRecall.Done, readers.Count, 0), (summary!.State, summary.Deleted, summary.NotDeleted));
        Assert.Equal(posted.Order(StringComparer.Ordinal), fake.DeletedActivities.Select(deleted => deleted.ActivityId).Order(StringComparer.Ordinal));
        Assert.All(posted, id => Assert.False(fake.IsPosted(id)));
    }
}
