using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;
using SocialReport.Teams.Auth;
using SocialReport.Teams.Outbound;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests;

public sealed class TeamsOptionsTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>
{
    private static ValidateOptionsResult Validate(TeamsOptions options, string? environment = null) =>
        new TeamsOptionsValidator(new HostingEnvironment { EnvironmentName = environment ?? Environments.Production }).Validate(null, options);

    [Fact]
    public void Off_without_app_id_nor_unauthenticated_mode()
    {
        var options = new TeamsOptions();

        Assert.False(options.Enabled);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void On_with_an_app_id_and_its_password()
    {
        var options = new TeamsOptions { AppId = TestIds.AppId, AppPassword = "secret" };

        Assert.True(options.Enabled);
        Assert.True(options.SendsTokens);
        Assert.True(Validate(options).Succeeded);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.Authority);
    }

    [Fact]
    public void A_single_tenant_bot_gets_its_tenant_authority()
    {
        var options = new TeamsOptions { AppId = TestIds.AppId, AppPassword = "secret", TenantId = TestIds.TenantId };

        Assert.Equal($"https://login.microsoftonline.com/{TestIds.TenantId}", options.Authority);
    }

    [Fact]
    public void An_app_id_needs_its_password()
    {
        var result = Validate(new TeamsOptions { AppId = TestIds.AppId });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppPassword", result.FailureMessage);
    }

    [Fact]
    public void Unauthenticated_mode_is_on_without_app_id_and_sends_no_token()
    {
        var options = new TeamsOptions { AllowUnauthenticated = true };

        Assert.True(options.Enabled);
        Assert.False(options.SendsTokens);
        Assert.True(Validate(options, Environments.Development).Succeeded);
        Assert.True(Validate(new TeamsOptions { AppId = TestIds.AppId, AllowUnauthenticated = true }, Environments.Development).Succeeded);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("development-ish")]
    public void Unauthenticated_mode_is_refused_outside_Development(string environment)
    {
        var result = Validate(new TeamsOptions { AllowUnauthenticated = true }, environment);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Teams:AllowUnauthenticated is refused in the " + environment + " environment", failure);
    }

    [Fact]
    public async Task Unauthenticated_mode_outside_Development_stops_the_adapter_at_start_with_one_line()
    {
        await using var fake = botFramework.Start();
        using var host = TeamsTestHost.Build(fake, new Dictionary<string, string?> { ["Teams:AppPassword"] = "", ["Teams:AllowUnauthenticated"] = "true" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "Teams:AllowUnauthenticated is refused in the Production environment: it is for local emulators in Development only.",
            failure.Message);
    }

    [Fact]
    public void Unauthenticated_mode_is_refused_with_an_app_password_even_in_Development()
    {
        var result = Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "secret", AllowUnauthenticated = true }, Environments.Development);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Teams:AppPassword", failure);
    }

    [Fact]
    public void The_public_Teams_hosts_are_allowed_until_others_are_listed()
    {
        Assert.Equal(
            ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"],
            new TeamsOptions().ServiceHosts);
        Assert.Equal(["127.0.0.1:3978"], new TeamsOptions { AllowedServiceHosts = ["127.0.0.1:3978"] }.ServiceHosts);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", true)]
    [InlineData("127.0.0.1:3978", true)]
    [InlineData("[::1]:3978", true)]
    [InlineData("localhost:3978", true)]
    [InlineData("https://smba.trafficmanager.net", false)]
    [InlineData("smba.trafficmanager.net/amer", false)]
    [InlineData("user@smba.trafficmanager.net", false)]
    [InlineData("smba.trafficmanager.net:0", false)]
    [InlineData("smba.trafficmanager.net:99999", false)]
    [InlineData("*.trafficmanager.net", false)]
    [InlineData("", false)]
    public void Each_allowed_service_host_must_be_a_host_with_an_optional_port(string host, bool valid)
    {
        var result = Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "s", AllowedServiceHosts = [host] });

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Teams:AllowedServiceHosts", result.FailureMessage);
    }

    [Fact]
    public void Allowed_tenants_are_tenant_ids_and_the_channel_is_required()
    {
        Assert.Contains("Teams:AllowedTenants", Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "s", AllowedTenants = ["contoso.com"] }).FailureMessage);
        Assert.Contains("Teams:ChannelId", Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "s", ChannelId = " " }).FailureMessage);
    }

    [Fact]
    public void Tenants_are_the_allowed_ones_else_a_single_tenant_bots_own_else_any()
    {
        Assert.Empty(new TeamsOptions().Tenants);
        Assert.Equal([TestIds.TenantId], new TeamsOptions { TenantId = TestIds.TenantId }.Tenants);
        Assert.Empty(new TeamsOptions { TenantId = "contoso.onmicrosoft.com" }.Tenants); // a domain cannot be matched to an activity's tenant id
        Assert.Equal([TestIds.BotServiceTenant], new TeamsOptions { TenantId = TestIds.TenantId, AllowedTenants = [TestIds.BotServiceTenant] }.Tenants);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://10.0.0.5/v1/.well-known/openidconfiguration", false)]
    [InlineData("/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://localhost:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://[::1]:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", true)]
    public void Metadata_must_come_over_https_or_from_this_machine(string url, bool valid)
    {
        var result = Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "secret", OpenIdMetadataUrl = url });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void The_token_authority_is_checked_too()
    {
        Assert.True(Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "s", TokenAuthority = "http://evil.example/botframework.com" }).Failed);
        Assert.True(Validate(new TeamsOptions { AppId = TestIds.AppId, AppPassword = "s", TenantId = "bad/tenant" }).Failed);
    }

    [Fact]
    public async Task AddTeams_registers_the_adapter_and_validates_at_start()
    {
        await using var fake = botFramework.Start();
        using var host = TeamsTestHost.Build(fake);

        Assert.NotNull(host.Services.GetRequiredService<BotFrameworkTokenValidator>());
        Assert.NotNull(host.Services.GetRequiredService<ConnectorClient>());
        Assert.NotNull(host.Services.GetRequiredService<TeamsCardRenderer>());
        var membership = Assert.Single(host.Services.GetServices<IChatMembership>());
        Assert.Equal("teams", membership.Channel);
        Assert.True(await membership.IsAdminAsync(new ChatKey("teams", TestIds.TeamId), TestIds.UserAadObjectId, CancellationToken.None));
        Assert.False(await membership.IsAdminAsync(new ChatKey("telegram", "-100"), TestIds.UserAadObjectId, CancellationToken.None));
        Assert.Null(await membership.ResolveAsync("@veille", CancellationToken.None));
        Assert.Equal(TestIds.AppId, host.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.AppId);

        using var broken = TeamsTestHost.Build(fake, new Dictionary<string, string?> { ["Teams:AppPassword"] = "" });
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => broken.StartAsync());
        Assert.Contains("Teams:AppPassword", failure.Message);
    }
}
