using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace SocialReport.Host.Web;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from <see cref="WebOptions.TrustedProxies"/>
/// (loopback when none is set): from anyone else they are ignored, so a client cannot choose its own address.
/// </summary>
internal sealed class ProxyAddresses(IOptions<WebOptions> web) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Every hop is checked against the trusted list, so a chain of trusted proxies is followed, and no further.
        options.ForwardLimit = null;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        IEnumerable<string> trusted = web.Value.TrustedProxies is { Count: > 0 } configured ? configured : ["127.0.0.0/8", "::1"];
        foreach (var proxy in trusted)
            options.KnownIPNetworks.Add(TryParse(proxy, out var network) ? network : throw new FormatException($"Web:TrustedProxies: '{proxy}' is not an address."));
    }

    /// <summary>A network (<c>10.0.0.0/8</c>) or one address (<c>192.0.2.7</c>, <c>::1</c>).</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
            return IPNetwork.TryParse(text, out network);
        network = default;
        if (!IPAddress.TryParse(text, out var address))
            return false;
        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
