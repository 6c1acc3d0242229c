namespace SocialReport.Teams.Outbound;

/// <summary>
/// The connector service URLs the bot accepts in activities and calls, from <see cref="TeamsOptions.ServiceHosts"/>:
/// the host (and port) must be listed exactly, the scheme https, or http to a listed loopback address. A service URL is
/// what the bot sends its token to: anything else is refused before a token is asked for.
/// </summary>
internal sealed class ServiceUrlAllowList
{
    public const string Setting = "Teams:AllowedServiceHosts";

    private readonly IReadOnlyList<ServiceHost> _hosts;

    public ServiceUrlAllowList(IEnumerable<string> hosts) =>
        _hosts = [.. hosts.Select(h => ServiceHost.TryParse(h, out var host) ? host : null).OfType<ServiceHost>()];

    /// <summary>Why <paramref name="url"/> may not be called; null when it may.</summary>
    public string? Refusal(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "the service URL is not an absolute URL";
        if (uri.UserInfo.Length > 0)
            return "the service URL carries a user name";
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && Loopback.Is(uri)))
            return $"the service URL of '{uri.Authority}' is not https";
        return _hosts.Any(h => h.Matches(uri)) ? null : $"the service host '{uri.Authority}' is not in {Setting}";
    }
}
