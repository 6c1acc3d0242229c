using System.Net;
using System.Text;
using SocialReport.Core.Readers;
using SocialReport.Teams.Tests.Fake;

namespace SocialReport.Teams.Tests.EndToEnd;

/// <summary>Every request to /api/messages goes through the real token validation before anything is read or stored.</summary>
public sealed class EndpointAuthenticationTests : IAsyncLifetime
{
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);

    private FakeConnector fake = null!;

    public async Task InitializeAsync() => fake = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    public static TheoryData<string> Forgeries => new()
    {
        "no header", "not a bearer", "bad signature", "unknown key id", "wrong audience", "wrong issuer", "expired",
        "not endorsed for msteams", "serviceurl mismatch", "no serviceurl", "HS256",
    };

    private static string? Authorization(TeamsBotHost bot, string forgery) => forgery switch
    {
        "no header" => "",
        "not a bearer" => "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{TestIds.AppId}:{TestIds.AppPassword}")),
        "bad signature" => "Bearer " + bot.Token(t => t with { Key = bot.Fake.Unknown, Kid = bot.Fake.Endorsed.Kid }),
        "unknown key id" => "Bearer " + bot.Token(t => t with { Key = bot.Fake.Unknown }),
        "wrong audience" => "Bearer " + bot.Token(t => t with { Audience = "6c1a7d0e-0000-4000-8000-000000000000" }),
        "wrong issuer" => "Bearer " + bot.Token(t => t with { Issuer = "https://api.botframework.evil" }),
        "expired" => "Bearer " + bot.Token(t => t with { Expires = DateTimeOffset.UtcNow.AddMinutes(-6), NotBefore = DateTimeOffset.UtcNow.AddHours(-1) }),
        "not endorsed for msteams" => "Bearer " + bot.Token(t => t with { Key = bot.Fake.NotEndorsed }),
        "serviceurl mismatch" => "Bearer " + bot.Token(t => t with { ServiceUrl = "https://smba.evil.example/amer/" }),
        "no serviceurl" => "Bearer " + bot.Token(t => t with { ServiceUrl = null }),
        "HS256" => "Bearer " + bot.Token(t => t with { Alg = "HS256" }),
        _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_missing_token_gets_401_and_nothing_is_stored_or_sent(string forgery)
    {
        await using var bot = new TeamsBotHost(fake);

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(fake.ServiceUrl), Authorization(bot, forgery));
        using var message = await bot.PostAsync(TestActivities.PersonalMessage(fake.ServiceUrl, "latest"), Authorization(bot, forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null(bot.Chats.Get(Personal));
        Assert.Empty(fake.ConnectorRequests);
        Assert.Empty(fake.TokenRequests);
        if (forgery == "no header")
            Assert.Equal(0, fake.BotFrameworkKeyFetches); // refused before the body is even read
    }

    [Fact]
    public async Task The_same_activity_with_a_valid_token_is_processed()
    {
        await using var bot = new TeamsBotHost(fake);

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriptionState.Active, bot.Chats.Get(Personal)!.State);
        Assert.Equal(2, bot.Sent().Count);
    }

    [Fact]
    public async Task A_body_that_is_no_activity_is_refused_as_unauthorized_without_a_valid_token()
    {
        await using var bot = new TeamsBotHost(fake);
        using var client = bot.CreateClient();

        using var garbage = await client.PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", bot.Token());
        using var signed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signed.StatusCode); // no channelId to check the key's endorsement against
        Assert.Empty(fake.ConnectorRequests);
    }

    [Fact]
    public async Task Unauthenticated_mode_accepts_activities_without_a_token_and_calls_the_connector_without_one()
    {
        await using var bot = new TeamsBotHost(fake, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(fake.ServiceUrl), authorization: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriptionState.Active, bot.Chats.Get(Personal)!.State);
        var sent = bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Null(s.Request.Authorization));
        Assert.Empty(fake.TokenRequests);
    }

    [Fact]
    public async Task Without_an_app_id_nor_unauthenticated_mode_the_endpoint_does_not_exist()
    {
        await using var bot = new TeamsBotHost(fake, new Dictionary<string, string?> { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(fake.ServiceUrl));
        using var client = bot.CreateClient();
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Null(bot.Chats.Get(Personal));
        Assert.Empty(fake.ConnectorRequests);
    }
}
