using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Teams.Auth;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Auth;

/// <summary>The inbound JWT checks, against the fake's real metadata and keys over HTTP.</summary>
public sealed class TokenValidationTests : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private readonly FakeConnector _fake;
    private readonly IHost _host;

    public TokenValidationTests(FakeBotFramework botFramework) => (_fake, _host) = TeamsTestHost.Start(botFramework);

    private BotFrameworkTokenValidator Validator => _host.Services.GetRequiredService<BotFrameworkTokenValidator>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TeamsTestHost.StopAsync(_host, _fake);

    private TokenSpec BotFramework => new() { Key = _fake.Endorsed, ServiceUrl = _fake.ServiceUrl };

    private Task<TokenValidation> Validate(string? header, string channelId = "msteams", string? serviceUrl = null) =>
        Validate(Validator, header, channelId, serviceUrl);

    private Task<TokenValidation> Validate(BotFrameworkTokenValidator validator, string? header, string channelId = "msteams", string? serviceUrl = null) =>
        validator.ValidateAsync(header, new ActivityOrigin(channelId, serviceUrl ?? _fake.ServiceUrl, [TestIds.TenantId]), CancellationToken.None);

    private static string Bearer(TokenSpec spec) => "Bearer " + TestTokens.Sign(spec);

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Accepts_a_Bot_Framework_token_signed_with_an_endorsed_key(string alg)
    {
        var result = await Validate(Bearer(BotFramework with { Alg = alg }));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(TokenIssuer.BotFramework, result.Issuer);
        Assert.Equal(_fake.ServiceUrl, result.Identity!.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task Compares_the_serviceurl_claim_without_case()
    {
        var result = await Validate(Bearer(BotFramework with { ServiceUrl = _fake.ServiceUrl.ToUpperInvariant() }));

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Rejects_a_request_without_Authorization_header()
    {
        await AssertRejectedAsync(null, "no Authorization header");
        Assert.Equal(0, _fake.BotFrameworkKeyFetches);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer ")]
    public async Task Rejects_a_header_that_is_not_a_bearer_JWT(string header)
    {
        Assert.False((await Validate(header)).Succeeded);
    }

    [Fact]
    public async Task Rejects_a_bad_signature()
    {
        // Signed with a key of the attacker's, under the id of the published, endorsed key.
        await AssertRejectedAsync(Bearer(BotFramework with { Key = _fake.Unknown, Kid = _fake.Endorsed.Kid }), "invalid token");
    }

    [Fact]
    public async Task Rejects_an_unknown_key_id_after_refreshing_the_keys_once()
    {
        var first = await Validate(Bearer(BotFramework with { Key = _fake.Unknown }));
        var fetchesAfterFirst = _fake.BotFrameworkKeyFetches;
        var second = await Validate(Bearer(BotFramework with { Key = _fake.Unknown }));

        Assert.False(first.Succeeded);
        Assert.Contains("unknown signing key", first.Failure);
        Assert.Equal(2, fetchesAfterFirst); // the first fetch, then one refresh for the unknown id
        Assert.False(second.Succeeded);
        Assert.Equal(2, _fake.BotFrameworkKeyFetches); // no second refresh within the refresh interval
    }

    [Fact]
    public async Task Sees_a_rotated_key_at_once()
    {
        Assert.True((await Validate(Bearer(BotFramework))).Succeeded);
        using var rotated = new TestKey("bf-rotated", ["msteams"]);
        _fake.PublishBotFrameworkKey(rotated);

        var result = await Validate(Bearer(BotFramework with { Key = rotated }));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, _fake.BotFrameworkKeyFetches);
    }

    [Fact]
    public async Task Rejects_a_wrong_audience()
    {
        await AssertRejectedAsync(Bearer(BotFramework with { Audience = "9f0c1a6e-0000-4000-8000-000000000000" }), "Audience");
    }

    [Fact]
    public async Task Rejects_a_token_without_audience()
    {
        Assert.False((await Validate(Bearer(BotFramework with { Audience = null }))).Succeeded);
    }

    [Theory]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://sts.windows.net/11111111-2222-3333-4444-555555555555/")]
    [InlineData("https://evil.example")]
    public async Task Rejects_an_untrusted_issuer(string issuer)
    {
        await AssertRejectedAsync(Bearer(BotFramework with { Issuer = issuer }), "not trusted");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(6, false)]
    public async Task Tolerates_a_token_expired_within_the_clock_skew_of_five_minutes_only(int minutesAgo, bool accepted)
    {
        var result = await Validate(Bearer(BotFramework with
        {
            Expires = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(minutesAgo),
            NotBefore = DateTimeOffset.UtcNow - TimeSpan.FromHours(1),
        }));

        Assert.True(result.Succeeded == accepted, result.Failure);
        if (!accepted) Assert.Contains("Lifetime", result.Failure);
    }

    [Fact]
    public async Task Rejects_a_token_not_yet_valid()
    {
        var result = await Validate(Bearer(BotFramework with
        {
            NotBefore = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10),
            Expires = DateTimeOffset.UtcNow + TimeSpan.FromHours(1),
        }));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Rejects_a_key_not_endorsed_for_msteams()
    {
        await AssertRejectedAsync(Bearer(BotFramework with { Key = _fake.NotEndorsed }), "not endorsed for channel 'msteams'");
    }

    [Fact]
    public async Task Rejects_a_channel_the_key_is_not_endorsed_for()
    {
        using var webchat = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:ChannelId"] = "webchat" });
        using var slack = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:ChannelId"] = "slack" });

        var endorsed = await Validate(webchat.Services.GetRequiredService<BotFrameworkTokenValidator>(), Bearer(BotFramework), channelId: "webchat");
        var notEndorsed = await Validate(slack.Services.GetRequiredService<BotFrameworkTokenValidator>(), Bearer(BotFramework), channelId: "slack");

        Assert.True(endorsed.Succeeded, endorsed.Failure);
        Assert.False(notEndorsed.Succeeded);
        Assert.Contains("not endorsed for channel 'slack'", notEndorsed.Failure);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    public async Task Rejects_an_activity_of_another_channel_than_msteams(string channelId)
    {
        await AssertRejectedAsync(Bearer(BotFramework), "Teams:ChannelId", channelId);
        Assert.Equal(0, _fake.BotFrameworkKeyFetches);
    }

    [Theory]
    [InlineData("3c1f5a2e-9b7d-4e60-8a41-0f2d6c9e7b13", false)]
    [InlineData(TestIds.TenantId, true)]
    [InlineData("72F988BF-86F1-41AF-91AB-2D7CD011DB47", true)]
    public async Task Takes_activities_only_from_the_allowed_tenants(string allowed, bool accepted)
    {
        using var restricted = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = allowed });

        var result = await Validate(restricted.Services.GetRequiredService<BotFrameworkTokenValidator>(), Bearer(BotFramework));

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Contains("tenant", result.Failure);
    }

    [Fact]
    public async Task With_tenants_restricted_an_activity_naming_no_tenant_or_another_one_too_is_rejected()
    {
        using var restricted = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:TenantId"] = TestIds.TenantId });
        var validator = restricted.Services.GetRequiredService<BotFrameworkTokenValidator>();

        var none = await validator.ValidateAsync(Bearer(BotFramework), new ActivityOrigin("msteams", _fake.ServiceUrl, []), CancellationToken.None);
        var two = await validator.ValidateAsync(Bearer(BotFramework), new ActivityOrigin("msteams", _fake.ServiceUrl, [TestIds.TenantId, TestIds.BotServiceTenant]), CancellationToken.None);

        Assert.False(none.Succeeded);
        Assert.False(two.Succeeded);
    }

    [Fact]
    public async Task Rejects_a_service_url_off_the_allow_list_before_fetching_keys()
    {
        var offList = "https://smba.trafficmanager.net/amer/";

        await AssertRejectedAsync(Bearer(BotFramework with { ServiceUrl = offList }), "Teams:AllowedServiceHosts", serviceUrl: offList);
        Assert.Equal(0, _fake.BotFrameworkKeyFetches);
    }

    [Fact]
    public async Task Rejects_a_serviceurl_claim_naming_another_service()
    {
        await AssertRejectedAsync(Bearer(BotFramework with { ServiceUrl = _fake.BaseUrl + "/emea/" }), "serviceurl");
    }

    [Fact]
    public async Task Rejects_a_Bot_Framework_token_without_serviceurl_claim()
    {
        await AssertRejectedAsync(Bearer(BotFramework with { ServiceUrl = null }), "no serviceurl claim");
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    [InlineData("PS256")]
    public async Task Rejects_algorithms_other_than_RS256_RS384_RS512(string alg)
    {
        await AssertRejectedAsync(Bearer(BotFramework with { Alg = alg }), "not allowed");
    }

    /// <summary>A host for a local emulator: no app id, no password, unauthenticated mode on, in Development.</summary>
    private IHost UnauthenticatedEmulator() => TeamsTestHost.Build(_fake, new Dictionary<string, string?>
    {
        ["Teams:AppId"] = "",
        ["Teams:AppPassword"] = "",
        ["Teams:AllowUnauthenticated"] = "true",
    }, environment: Environments.Development);

    /// <summary>The token is refused, and the reason says why.</summary>
    private async Task AssertRejectedAsync(string? authorization, string reason, string channelId = "msteams", string? serviceUrl = null)
    {
        var result = await Validate(authorization, channelId, serviceUrl);
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure);
    }

    private TokenSpec EntraV1(string tenant = TestIds.BotServiceTenant) => new()
    {
        Key = _fake.Entra,
        Issuer = $"https://sts.windows.net/{tenant}/",
        Claims = new Dictionary<string, string> { ["appid"] = TestIds.AppId, ["ver"] = "1.0", ["tid"] = tenant },
    };

    private TokenSpec EntraV2(string tenant = TestIds.BotServiceTenant) => new()
    {
        Key = _fake.Entra,
        Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
        Claims = new Dictionary<string, string> { ["azp"] = TestIds.AppId, ["ver"] = "2.0", ["tid"] = tenant },
    };

    /// <summary>An application other than the bot, which got a token for the bot's app id.</summary>
    private const string OtherApp = "e6b0d0a4-3f7b-4a46-9c2d-1c5b0b7a2f10";

    private static TokenSpec WithClaims(TokenSpec spec, params (string Name, string? Value)[] changes)
    {
        var claims = new Dictionary<string, string>(spec.Claims!);
        foreach (var (name, value) in changes)
        {
            if (value is null) claims.Remove(name);
            else claims[name] = value;
        }
        return spec with { Claims = claims };
    }

    [Fact]
    public async Task Accepts_Entra_ID_v1_and_v2_tokens_from_the_Bot_Service_tenants()
    {
        var v1 = await Validate(Bearer(EntraV1()));
        var v2 = await Validate(Bearer(EntraV2("f8cdef31-a31e-4b4a-93e4-5f571e91255a")));

        Assert.True(v1.Succeeded, v1.Failure);
        Assert.True(v2.Succeeded, v2.Failure);
        Assert.Equal(TokenIssuer.EntraId, v1.Issuer);
        Assert.Equal(1, _fake.EntraKeyFetches);
        Assert.Equal(0, _fake.BotFrameworkKeyFetches);
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_without_caller_app_id()
    {
        await AssertRejectedAsync(Bearer(EntraV2() with { Claims = new Dictionary<string, string> { ["ver"] = "2.0" } }), "appid/azp");
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_another_application_got_for_the_bot()
    {
        var v1 = await Validate(Bearer(WithClaims(EntraV1(), ("appid", OtherApp))));
        var v2 = await Validate(Bearer(WithClaims(EntraV2(), ("azp", OtherApp))));
        // v2 names the caller in azp only: an appid claim there is not the caller.
        var v2WithAppid = await Validate(Bearer(WithClaims(EntraV2(), ("azp", OtherApp), ("appid", TestIds.AppId))));

        Assert.All([v1, v2, v2WithAppid], r => Assert.Contains($"issued to '{OtherApp}', not to the bot", r.Failure));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3.0")]
    public async Task Rejects_an_Entra_ID_token_of_unknown_version(string? version)
    {
        await AssertRejectedAsync(Bearer(WithClaims(EntraV1(), ("ver", version))), "version");
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_issued_to_a_user()
    {
        await AssertRejectedAsync(Bearer(WithClaims(EntraV2(), ("idtyp", "user"))), "to a user");
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_whose_tid_is_not_its_issuers()
    {
        await AssertRejectedAsync(Bearer(WithClaims(EntraV1(), ("tid", TestIds.TenantId))), "not its issuer's");
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_signed_by_a_Bot_Framework_key()
    {
        // Entra issuers are checked against Entra keys only.
        await AssertRejectedAsync(Bearer(EntraV1() with { Key = _fake.Endorsed }), "unknown signing key");
    }

    [Fact]
    public async Task Rejects_an_Entra_ID_token_whose_serviceurl_claim_disagrees()
    {
        var result = await Validate(Bearer(EntraV1() with { ServiceUrl = _fake.BaseUrl + "/emea/" }));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Accepts_the_bots_own_tenant_only_for_its_own_app_id()
    {
        using var singleTenant = TeamsTestHost.Build(_fake, new Dictionary<string, string?> { ["Teams:TenantId"] = TestIds.TenantId });
        var validator = singleTenant.Services.GetRequiredService<BotFrameworkTokenValidator>();
        var own = EntraV2(TestIds.TenantId);
        var other = WithClaims(EntraV1(TestIds.TenantId), ("appid", OtherApp));

        var ownResult = await Validate(validator, Bearer(own));
        var otherResult = await Validate(validator, Bearer(other));
        var multiTenantResult = await Validate(Bearer(own));

        Assert.True(ownResult.Succeeded, ownResult.Failure);
        Assert.False(otherResult.Succeeded);
        Assert.Contains("not to the bot", otherResult.Failure);
        Assert.False(multiTenantResult.Succeeded); // a multi-tenant bot does not trust any tenant
    }

    [Fact]
    public async Task Accepts_no_token_only_when_unauthenticated_mode_is_on()
    {
        using var emulator = UnauthenticatedEmulator();
        var validator = emulator.Services.GetRequiredService<BotFrameworkTokenValidator>();

        var result = await Validate(validator, null);

        Assert.True(result.Succeeded);
        Assert.Equal(TokenIssuer.None, result.Issuer);
        Assert.False(result.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task Unauthenticated_mode_still_checks_the_channel_and_the_service_url()
    {
        using var emulator = UnauthenticatedEmulator();
        var validator = emulator.Services.GetRequiredService<BotFrameworkTokenValidator>();

        var otherChannel = await Validate(validator, null, channelId: "emulator");
        var otherPort = await Validate(validator, null, serviceUrl: "http://127.0.0.1:1/");
        var otherHost = await Validate(validator, null, serviceUrl: "https://evil.example/");

        Assert.All([otherChannel, otherPort, otherHost], r => Assert.False(r.Succeeded));
    }

    [Fact]
    public async Task Still_checks_a_token_sent_in_unauthenticated_mode_when_an_app_id_is_set()
    {
        using var emulator = TeamsTestHost.Build(_fake, new Dictionary<string, string?>
        {
            ["Teams:AppPassword"] = "",
            ["Teams:AllowUnauthenticated"] = "true",
        }, environment: Environments.Development);
        var validator = emulator.Services.GetRequiredService<BotFrameworkTokenValidator>();

        var forged = await Validate(validator, Bearer(BotFramework with { Key = _fake.NotEndorsed }));
        var none = await Validate(validator, null);

        Assert.False(forged.Succeeded);
        Assert.True(none.Succeeded);
    }
}
