using System.Net;
using Microsoft.Extensions.Hosting;
using SocialReport.Teams.Outbound;

namespace SocialReport.Teams;

/// <summary>Refuses to start with settings that would leave the bot open or unable to answer.</summary>
internal sealed class TeamsOptionsValidator(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.AppId) && string.IsNullOrEmpty(options.AppPassword) && !options.AllowUnauthenticated)
            failures.Add("Teams:AppPassword is required with Teams:AppId.");
        if (!string.IsNullOrEmpty(options.TenantId) && !options.TenantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            failures.Add("Teams:TenantId must be a tenant id (a GUID) or a domain name.");
        // Without a token, anyone can name the service URL and the sender: the bot's token must not be there to take.
        if (options.AllowUnauthenticated && !environment.IsDevelopment())
            failures.Add($"Teams:AllowUnauthenticated is refused in the {environment.EnvironmentName} environment: it is for local emulators in Development only.");
        if (options.AllowUnauthenticated && !string.IsNullOrEmpty(options.AppPassword))
            failures.Add("Teams:AllowUnauthenticated is refused with Teams:AppPassword set: unauthenticated callers could have the bot send its token.");
        foreach (var host in options.AllowedServiceHosts.Where(h => !ServiceHost.TryParse(h, out _)))
            failures.Add($"{ServiceUrlAllowList.Setting} lists '{host}', which is not a host name or address with an optional port (smba.trafficmanager.net, 127.0.0.1:3978).");
        foreach (var tenant in options.AllowedTenants.Where(t => !Guid.TryParse(t, out _)))
            failures.Add($"Teams:AllowedTenants lists '{tenant}', which is not a tenant id (a GUID).");
        if (string.IsNullOrWhiteSpace(options.ChannelId))
            failures.Add("Teams:ChannelId is required (msteams).");

        CheckUrl(failures, "Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(failures, "Teams:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl);
        CheckUrl(failures, "Teams:BotFrameworkIssuer", options.BotFrameworkIssuer);
        if (!string.IsNullOrWhiteSpace(options.TokenAuthority))
            CheckUrl(failures, "Teams:TokenAuthority", options.TokenAuthority);
        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
            failures.Add("Teams:ConnectorScope is required.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string setting, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            failures.Add($"{setting} must be an absolute URL.");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && Loopback.Is(uri)))
            failures.Add($"{setting} must use https (http only on a loopback address, for tests).");
    }
}

/// <summary>Plain HTTP is tolerated only towards this machine: a test's fake connector.</summary>
internal static class Loopback
{
    public static bool Is(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && Is(uri);
}
