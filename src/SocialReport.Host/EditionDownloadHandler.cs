using System.Net;
using System.Net.Sockets;

namespace SocialReport.Host;

/// <summary>The connection under an edition download: the handler resolves the name itself, refuses any address that
/// is not public, and connects to the very address it checked, so a name cannot change its answer in between.
/// Redirects are left to <see cref="EditionSource"/>, which checks each one.</summary>
internal static class EditionDownloadHandler
{
    public static SocketsHttpHandler Create(EditionDownloadOptions options) => new()
    {
        AllowAutoRedirect = false,
        // Through a proxy, the address checked would be the proxy's, not the site's.
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.MayConnectTo, cancellationToken),
        SslOptions = { RemoteCertificateValidationCallback = options.CertificateValidation },
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, Func<IPAddress, bool> mayConnectTo, CancellationToken cancellationToken)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(mayConnectTo).ToList();
        if (allowed.Count == 0)
        {
            throw new AddressRefusedException(host, addresses);
        }
        SocketException? failure = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw failure!;
    }
}

/// <summary>A download stopped before connecting: the name gives no public address.</summary>
internal sealed class AddressRefusedException(string host, IReadOnlyList<IPAddress> addresses)
    : Exception(addresses.Count == 0
        ? $"{host} has no address"
        : $"{host} is not a public address ({string.Join(", ", addresses)})");
