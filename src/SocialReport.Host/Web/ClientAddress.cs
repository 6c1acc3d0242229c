using System.Net;
using System.Net.Sockets;

namespace SocialReport.Host.Web;

/// <summary>
/// Who a request comes from, for per-client limits: the connection's address, or the client's a trusted proxy gave
/// (<see cref="ProxyAddresses"/>, applied before any limit). An IPv6 client counts as its /64, which one subscriber
/// usually holds whole.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
