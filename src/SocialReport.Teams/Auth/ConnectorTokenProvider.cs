using Microsoft.Identity.Client;

namespace SocialReport.Teams.Auth;

/// <summary>
/// The bot's token for calling the connector: OAuth client credentials through one MSAL confidential client, whose
/// in-memory cache serves the same token until it nears expiry.
/// </summary>
internal sealed class ConnectorTokenProvider
{
    /// <summary>The named HttpClient MSAL's token requests go through.</summary>
    public const string HttpClientName = "Teams.Token";

    private readonly TeamsOptions _options;
    private readonly Lazy<IConfidentialClientApplication>? _application;

    public ConnectorTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        if (_options.SendsTokens)
            _application = new Lazy<IConfidentialClientApplication>(() => Build(_options, httpClients));
    }

    /// <summary>The bearer token to send, or null when the adapter runs unauthenticated (local emulator, no app id).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_application is null)
            return null;
        var result = await _application.Value.AcquireTokenForClient([_options.ConnectorScope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(TeamsOptions options, IHttpClientFactory httpClients) =>
        ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            // MSAL only takes https authorities: a loopback http one (a test's fake) is given as https and sent back
            // to http by the handler of the named client (see LoopbackHttpHandler).
            .WithAuthority(LoopbackHttpHandler.AsHttps(options.Authority), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new NamedHttpClientFactory(httpClients))
            .Build();

    private sealed class NamedHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
