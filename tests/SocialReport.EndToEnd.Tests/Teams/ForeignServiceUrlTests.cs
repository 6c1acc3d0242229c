using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>
/// A second loopback server plays an attacker's "connector", off <c>Teams:AllowedServiceHosts</c> (which lists only the
/// fake's own address): the bot never connects to it, so its token cannot be sent there.
/// </summary>
public sealed class ForeignServiceUrlTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);

    private FakeConnector _fake = null!;
    private FakeConnector _attacker = null!;

    public async Task InitializeAsync()
    {
        _fake = botFramework.Start();
        _attacker = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _attacker.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_activity_naming_a_foreign_service_url_gets_401_and_no_connection_is_made_there()
    {
        await using var bot = new TeamsBotHost(_fake);
        var token = bot.Token(t => t with { ServiceUrl = _attacker.ServiceUrl });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_attacker.ServiceUrl), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _attacker.Connections);
        Assert.Empty(_fake.TokenRequests);
        Assert.Null(bot.Chats.Get(Personal));
    }

    [Fact]
    public async Task In_unauthenticated_mode_an_activity_naming_a_foreign_service_url_gets_401_and_no_connection_is_made_there()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        });

        using var response = await bot.PostAsync(TestActivities.PersonalMessage(_attacker.ServiceUrl, "latest"), authorization: "");
        using var allowed = await bot.PostAsync(TestActivities.PersonalMessage(_fake.ServiceUrl, "latest"), authorization: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _attacker.Connections);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.NotEmpty(_fake.ConnectorRequests);
        Assert.True(_fake.Connections > 0, "the fakes count the connections they accept");
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task A_broadcast_never_sends_to_a_stored_conversation_off_the_list_and_records_a_failure_not_retried()
    {
        using var bot = new TeamsBotHost(_fake);
        var subscriptions = bot.Services.GetRequiredService<Subscriptions>();
        var readers = TeamsReaders.Spread(2, [(TestIds.TenantId, 1.0)], seed: 18);
        TeamsReaders.Subscribe(subscriptions, readers[0], _fake.ServiceUrl);
        TeamsReaders.Subscribe(subscriptions, readers[1], _attacker.ServiceUrl);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();

        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, _attacker.Connections);
        Assert.Single(_fake.DeliveredTo(readers[0].ConversationId));
        Assert.Equal((BroadcastState.Completed, 1, 1), (summary!.State, summary.Sent, summary.Failed));
        var refused = bot.Services.GetRequiredService<IDeliveryLedger>().Row(start.Broadcast.Id, readers[1].Key)!;
        Assert.Equal((DeliveryState.Failed, 1), (refused.State, refused.Attempts));
        Assert.Contains("Teams:AllowedServiceHosts", refused.LastError);
        Assert.Equal(SubscriptionState.Active, bot.Chats.Get(readers[1].Key)!.State); // listing the host again makes it reachable
    }
}
