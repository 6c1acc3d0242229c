using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;
using SocialReport.Teams.Auth;
using SocialReport.Teams.Cards;
using SocialReport.Teams.Connector;
using SocialReport.Teams.Tests.Fake;

namespace SocialReport.Teams.Tests;

public sealed class TeamsOptionsTests
{
    private static ValidateOptionsResult Validate(TeamsOptions options) => new TeamsOptionsValidator().Validate(null, options);

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
        Assert.True(Validate(options).Succeeded);
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
        await using var fake = await FakeConnector.StartAsync();
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
