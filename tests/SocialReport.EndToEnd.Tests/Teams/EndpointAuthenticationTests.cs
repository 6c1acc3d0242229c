using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using SocialReport.Core.Readers;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>Every request to /api/messages goes through the real token validation before anything is read or stored.</summary>
public sealed class EndpointAuthenticationTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);

    private FakeConnector _fake = null!;

    public Task InitializeAsync()
    {
        _fake = botFramework.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public static TheoryData<string> Forgeries =>
    [
        "no header", "not a bearer", "bad signature", "unknown key id", "wrong audience", "wrong issuer", "expired",
        "not endorsed for msteams", "serviceurl mismatch", "no serviceurl", "HS256",
    ];

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
        await using var bot = new TeamsBotHost(_fake);

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl), Authorization(bot, forgery));
        using var message = await bot.PostAsync(TestActivities.PersonalMessage(_fake.ServiceUrl, "latest"), Authorization(bot, forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null(bot.Chats.Get(Personal));
        Assert.Empty(_fake.ConnectorRequests);
        Assert.Empty(_fake.TokenRequests);
        if (forgery == "no header")
            Assert.Equal(0, _fake.BotFrameworkKeyFetches); // refused before the body is even read
    }

    [Fact]
    public async Task The_same_activity_with_a_valid_token_is_processed()
    {
        await using var bot = new TeamsBotHost(_fake);

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriptionState.Active, bot.Chats.Get(Personal)!.State);
        Assert.Equal(2, bot.Sent().Count);
    }

    [Fact]
    public async Task A_body_that_is_no_activity_is_refused_as_unauthorized_without_a_valid_token()
    {
        await using var bot = new TeamsBotHost(_fake);
        using var client = bot.CreateClient();

        using var garbage = await client.PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", bot.Token());
        using var signed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signed.StatusCode); // no channelId to check the key's endorsement against
        Assert.Empty(_fake.ConnectorRequests);
    }

    [Fact]
    public async Task Unauthenticated_mode_accepts_activities_without_a_token_and_calls_the_connector_without_one()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl), authorization: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriptionState.Active, bot.Chats.Get(Personal)!.State);
        var sent = bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Null(s.Request.Authorization));
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task Unauthenticated_mode_outside_Development_stops_the_host_at_start_up()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?>
        {
            [WebHostDefaults.EnvironmentKey] = Environments.Production,
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        });

        // The host's entry point reports the refusal (TeamsOptionsTests checks its line) and exits: no server to post to.
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl), authorization: ""));

        Assert.Equal(0, _fake.Connections);
    }

    [Fact]
    public async Task Unauthenticated_mode_with_an_app_password_stops_the_host_at_start_up()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?> { ["Teams:AllowUnauthenticated"] = "true" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl), authorization: ""));

        Assert.Equal(0, _fake.Connections);
    }

    [Fact]
    public async Task An_activity_from_another_channel_than_msteams_gets_401()
    {
        await using var bot = new TeamsBotHost(_fake);

        // The key is endorsed for webchat too: only the channel rule refuses it.
        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl) with { ChannelId = "webchat" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(bot.Chats.Get(Personal));
        Assert.Empty(_fake.ConnectorRequests);
    }

    [Fact]
    public async Task The_channel_accepted_can_be_configured()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?> { ["Teams:ChannelId"] = "webchat" });

        using var webchat = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl) with { ChannelId = "webchat" });
        using var teams = await bot.PostAsync(TestActivities.PersonalMessage(_fake.ServiceUrl, "latest"));

        Assert.Equal(HttpStatusCode.OK, webchat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, teams.StatusCode);
    }

    private const string OtherTenant = "3c1f5a2e-9b7d-4e60-8a41-0f2d6c9e7b13";

    public static TheoryData<string, string, HttpStatusCode> TenantRules => new()
    {
        { "Teams:AllowedTenants:0", OtherTenant, HttpStatusCode.Unauthorized },
        { "Teams:TenantId", OtherTenant, HttpStatusCode.Unauthorized },
        { "Teams:AllowedTenants:0", TestIds.TenantId, HttpStatusCode.OK },
        { "Teams:TenantId", TestIds.TenantId, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(TenantRules))]
    public async Task A_tenant_off_the_allowed_ones_gets_401(string setting, string tenant, HttpStatusCode expected)
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?> { [setting] = tenant });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, bot.Chats.Get(Personal) is not null);
    }

    [Theory]
    [InlineData(TestIds.AppId, HttpStatusCode.OK)]
    [InlineData("5f3c9a1d-7e2b-4c80-9d6a-1b4e8f0c2a57", HttpStatusCode.Unauthorized)]
    public async Task An_Entra_ID_token_is_accepted_only_when_issued_to_the_bot_itself(string caller, HttpStatusCode expected)
    {
        await using var bot = new TeamsBotHost(_fake);
        var token = TestTokens.Sign(new TokenSpec
        {
            Key = _fake.Entra,
            Issuer = $"https://sts.windows.net/{TestIds.BotServiceTenant}/",
            ServiceUrl = _fake.ServiceUrl,
            Claims = new Dictionary<string, string> { ["appid"] = caller, ["ver"] = "1.0", ["tid"] = TestIds.BotServiceTenant },
        });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl), "Bearer " + token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, bot.Chats.Get(Personal) is not null);
    }

    [Fact]
    public async Task Without_an_app_id_nor_unauthenticated_mode_the_endpoint_does_not_exist()
    {
        await using var bot = new TeamsBotHost(_fake, new Dictionary<string, string?> { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });

        using var response = await bot.PostAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl));
        using var client = bot.CreateClient();
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Null(bot.Chats.Get(Personal));
        Assert.Empty(_fake.ConnectorRequests);
    }
}
