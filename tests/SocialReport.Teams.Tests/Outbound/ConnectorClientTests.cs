using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using SocialReport.Core.Delivery;
using SocialReport.Teams.Outbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Outbound;

/// <summary>Outbound calls through MSAL and HttpClient to the fake connector, and how its answers map to outcomes.</summary>
public sealed class ConnectorClientTests : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private const string ThreadId = TestIds.OtherChannelId + ";messageid=1700000000200";

    private readonly FakeConnector _fake;
    private readonly IHost _host;

    public ConnectorClientTests(FakeBotFramework botFramework) => (_fake, _host) = TeamsTestHost.Start(botFramework);

    private ConnectorClient Client => _host.Services.GetRequiredService<ConnectorClient>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TeamsTestHost.StopAsync(_host, _fake);

    private static Activity Hello => TeamsActivities.ForCards([new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" }]) with { Text = "hello" };

    private RecordedRequest OnlyRequest() => Assert.Single(_fake.ConnectorRequests);

    [Fact]
    public async Task Gets_one_token_from_MSAL_and_reuses_it()
    {
        var first = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);
        var second = await Client.ReplyAsync(_fake.ServiceUrl, ThreadId, "1700000000222", Hello, CancellationToken.None);
        var third = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.All([first, second, third], o => Assert.IsType<SendOutcome.Sent>(o));
        var tokenRequest = Assert.Single(_fake.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", tokenRequest.RawTarget);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body);
        Assert.Contains($"client_id={TestIds.AppId}", tokenRequest.Body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", tokenRequest.Body);
        Assert.Contains("client_secret=test-secret", tokenRequest.Body);

        var authorizations = _fake.ConnectorRequests.Select(r => r.Authorization).Distinct().ToList();
        var header = Assert.Single(authorizations);
        Assert.StartsWith("Bearer ", header);
        var token = new JsonWebToken(header!["Bearer ".Length..]);
        Assert.Equal(TestIds.AppId, token.GetClaim("appid").Value);
    }

    [Fact]
    public async Task Uses_the_tenant_authority_of_a_single_tenant_bot()
    {
        using var singleTenant = TeamsTestHost.Build(_fake, new Dictionary<string, string?>
        {
            ["Teams:TenantId"] = TestIds.TenantId,
            ["Teams:TokenAuthority"] = $"{_fake.BaseUrl}/{TestIds.TenantId}",
        });

        await singleTenant.Services.GetRequiredService<ConnectorClient>().SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.Equal($"/{TestIds.TenantId}/oauth2/v2.0/token", Assert.Single(_fake.TokenRequests).RawTarget);
    }

    [Fact]
    public async Task Sends_to_a_conversation_with_its_id_escaped()
    {
        var outcome = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal("1700000000001", sent.MessageId);
        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities", request.RawTarget);
        Assert.Equal("message", request.Json!["type"]!.GetValue<string>());
        Assert.Equal(TestIds.PersonalConversationId, request.Json["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(ActivityAttachment.AdaptiveCardType, request.Json["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Null(request.Json["attachmentLayout"]);
    }

    [Fact]
    public async Task Replies_in_a_channel_thread()
    {
        var outcome = await Client.ReplyAsync(_fake.ServiceUrl, ThreadId, "1700000000222", Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var request = OnlyRequest();
        Assert.Equal("/amer/v3/conversations/19%3Aveille9a8b7c6d%40thread.tacv2%3Bmessageid%3D1700000000200/activities/1700000000222", request.RawTarget);
        Assert.Equal("1700000000222", request.Json!["replyToId"]!.GetValue<string>());
        Assert.Equal("hello", request.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starts_a_new_thread_in_a_channel()
    {
        var result = await Client.CreateChannelThreadAsync(_fake.ServiceUrl, TestIds.TeamId, TestIds.TenantId, Hello, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal($"{TestIds.TeamId};messageid=1700000000001", result.Value!.Id);
        Assert.Equal("1700000000001", result.Value.ActivityId);
        Assert.Equal(new SendOutcome.Sent("1700000000001"), result.Outcome);
        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations", request.RawTarget);
        Assert.True(request.Json!["isGroup"]!.GetValue<bool>());
        Assert.Equal(TestIds.TeamId, request.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TestIds.TenantId, request.Json["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("message", request.Json["activity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Posts_to_a_stored_reference_a_thread_for_channels_a_message_otherwise()
    {
        var channel = ConversationReference.FromActivity(TestActivities.BotAddedTeam(_fake.ServiceUrl))!;
        var personal = ConversationReference.FromActivity(TestActivities.BotAddedPersonal(_fake.ServiceUrl))!;

        await Client.PostAsync(channel, Hello, CancellationToken.None);
        await Client.PostAsync(personal, Hello, CancellationToken.None);

        Assert.Equal(
            ["/amer/v3/conversations", "/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities"],
            _fake.ConnectorRequests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Updates_a_sent_message()
    {
        var outcome = await Client.UpdateAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, "1700000000005", Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.Sent("1700000000005"), outcome);
        var request = OnlyRequest();
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities/1700000000005", request.RawTarget);
        Assert.Equal("1700000000005", request.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_the_channels_of_a_team()
    {
        var result = await Client.GetChannelsAsync(_fake.ServiceUrl, TestIds.TeamId, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([new TeamChannel(TestIds.TeamId, null), new TeamChannel(TestIds.OtherChannelId, "Veille")], result.Value);
        var request = OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/amer/v3/teams/19%3Ateam0f1e2d3c4b5a%40thread.tacv2/conversations", request.RawTarget);
    }

    public static TheoryData<Fault, Type> Faults => new()
    {
        { new Fault(429, "Throttled", RetryAfter: "7"), typeof(SendOutcome.RetryAfter) },
        { new Fault(429), typeof(SendOutcome.RetryAfter) },
        { new Fault(412), typeof(SendOutcome.Transient) },
        { new Fault(502), typeof(SendOutcome.Transient) },
        { new Fault(503, RetryAfter: "3"), typeof(SendOutcome.RetryAfter) },
        { new Fault(504), typeof(SendOutcome.Transient) },
        { new Fault(500, "InternalServerError"), typeof(SendOutcome.Transient) },
        { new Fault(403, "MessageWritesBlocked"), typeof(SendOutcome.Blocked) },
        { new Fault(403, "BotDisabledByAdmin"), typeof(SendOutcome.Gone) },
        { new Fault(403, "BotNotInConversationRoster"), typeof(SendOutcome.Gone) },
        { new Fault(404, "ConversationNotFound"), typeof(SendOutcome.Gone) },
        { new Fault(413, "MessageSizeTooBig"), typeof(SendOutcome.Rejected) },
        { new Fault(400, "BadArgument"), typeof(SendOutcome.Rejected) },
        { new Fault(403, "Forbidden"), typeof(SendOutcome.Rejected) },
        { new Fault(401), typeof(SendOutcome.Rejected) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Maps_each_connector_error_once(Fault fault, Type expected)
    {
        _fake.FailNext(fault);

        var outcome = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.IsType(expected, outcome);
        Assert.Single(_fake.ConnectorRequests); // no retry inside the adapter: the delivery loop decides
        if (fault.Code is not null && outcome is SendOutcome.Blocked or SendOutcome.Gone or SendOutcome.Rejected or SendOutcome.Transient)
            Assert.Contains(fault.Code, outcome.ToString());
    }

    [Fact]
    public async Task Honours_Retry_After_in_seconds_and_defaults_when_absent()
    {
        _fake.FailNext(new Fault(429, RetryAfter: "7"));
        _fake.FailNext(new Fault(429));

        var given = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);
        var absent = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(7)), given);
        Assert.Equal(new SendOutcome.RetryAfter(ConnectorErrors.DefaultRetryDelay), absent);
    }

    [Fact]
    public async Task Honours_Retry_After_given_as_a_date()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(30);
        _fake.FailNext(new Fault(503, RetryAfter: at.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        var outcome = await Client.SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        var retry = Assert.IsType<SendOutcome.RetryAfter>(outcome);
        Assert.InRange(retry.Delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task A_connector_that_cannot_be_reached_is_a_transient_fault()
    {
        using var listed = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:AllowedServiceHosts:1"] = "127.0.0.1:1" });

        var outcome = await listed.Services.GetRequiredService<ConnectorClient>().SendAsync("http://127.0.0.1:1/amer/", TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Transient>(outcome);
    }

    [Theory]
    [InlineData("https://smba.evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://evil.example@smba.evil.example/amer/")]
    public async Task Asks_no_token_for_a_service_url_off_the_allow_list(string serviceUrl)
    {
        var outcome = await Client.SendAsync(serviceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.StartsWith("not sent: the service", rejected.Reason);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task Never_connects_to_a_loopback_port_off_the_allow_list()
    {
        await using var attacker = await FakeConnector.StartAsync();
        var channel = ConversationReference.FromActivity(TestActivities.BotAddedTeam(attacker.ServiceUrl))!;

        var sent = await Client.SendAsync(attacker.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);
        var posted = await Client.PostAsync(channel, Hello, CancellationToken.None);
        var updated = await Client.UpdateAsync(attacker.ServiceUrl, TestIds.PersonalConversationId, "1700000000005", Hello, CancellationToken.None);
        var channels = await Client.GetChannelsAsync(attacker.ServiceUrl, TestIds.TeamId, CancellationToken.None);

        Assert.All([sent, posted, updated, channels.Outcome], o => Assert.IsType<SendOutcome.Rejected>(o));
        Assert.Equal(0, attacker.Connections);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task Never_sends_the_token_to_a_plain_http_service_url_off_this_machine()
    {
        var outcome = await Client.SendAsync("http://smba.example.com/amer/", TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task Calls_without_a_token_in_unauthenticated_mode_without_app_id()
    {
        using var emulator = TeamsTestHost.Build(_fake, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        }, environment: Environments.Development);

        var outcome = await emulator.Services.GetRequiredService<ConnectorClient>().SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Null(OnlyRequest().Authorization);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task A_token_endpoint_refusing_the_secret_is_a_rejection_not_a_crash()
    {
        using var wrongSecret = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:AppPassword"] = "expired-secret" });

        var outcome = await wrongSecret.Services.GetRequiredService<ConnectorClient>().SendAsync(_fake.ServiceUrl, TestIds.PersonalConversationId, Hello, CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.Contains("invalid_client", rejected.Reason);
        Assert.Single(_fake.TokenRequests);
        Assert.Empty(_fake.ConnectorRequests);
    }
}
