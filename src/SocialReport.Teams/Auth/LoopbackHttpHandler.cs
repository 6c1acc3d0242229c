namespace SocialReport.Teams.Auth;

/// <summary>
/// Sends requests for one loopback authority over plain http: MSAL insists on https authorities, and a test's fake
/// token endpoint serves http on 127.0.0.1. Options validation allows http for loopback hosts only.
/// </summary>
internal sealed class LoopbackHttpHandler(Uri? httpAuthority) : DelegatingHandler
{
    /// <summary>The URL as MSAL must see it: https in place of a loopback http.</summary>
    public static string AsHttps(string url) =>
        Loopback.IsHttp(url) ? new UriBuilder(url) { Scheme = Uri.UriSchemeHttps }.Uri.ToString().TrimEnd('/') : url;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpAuthority is not null && request.RequestUri is { } uri && uri.Scheme == Uri.UriSchemeHttps
            && string.Equals(uri.Host, httpAuthority.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == httpAuthority.Port)
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = httpAuthority.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
