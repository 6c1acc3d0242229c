using System.Globalization;

namespace SocialReport.Teams.Outbound;

/// <summary>An entry of <see cref="TeamsOptions.AllowedServiceHosts"/>: a host name or address, and a port when one is given.</summary>
internal sealed record ServiceHost(string Host, int? Port)
{
    /// <summary>Parses <c>smba.trafficmanager.net</c>, <c>127.0.0.1:5000</c>, <c>[::1]:5000</c>; nothing else (no scheme, path, user).</summary>
    public static bool TryParse(string? entry, out ServiceHost host)
    {
        host = null!;
        entry = entry?.Trim();
        if (string.IsNullOrEmpty(entry))
            return false;
        var portAt = entry.StartsWith('[') ? entry.IndexOf("]:", StringComparison.Ordinal) + 1 : entry.LastIndexOf(':');
        var name = portAt > 0 ? entry[..portAt] : entry;
        int? port = null;
        if (portAt > 0)
        {
            if (!int.TryParse(entry.AsSpan(portAt + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number is < 1 or > 65535)
                return false;
            port = number;
        }
        if (Uri.CheckHostName(name.Trim('[', ']')) == UriHostNameType.Unknown
            || !Uri.TryCreate($"{Uri.UriSchemeHttps}://{name}/", UriKind.Absolute, out var uri))
            return false;
        host = new ServiceHost(uri.IdnHost, port);
        return true;
    }

    /// <summary>The same host, exactly; without a port, only the scheme's default port.</summary>
    public bool Matches(Uri url) =>
        string.Equals(Host, url.IdnHost, StringComparison.OrdinalIgnoreCase) && (Port is { } port ? url.Port == port : url.IsDefaultPort);
}
