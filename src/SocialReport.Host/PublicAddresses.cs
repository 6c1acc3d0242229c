using System.Net;
using System.Net.Sockets;

namespace SocialReport.Host;

/// <summary>The addresses a download may connect to: the public internet, not this machine, its networks or the cloud's
/// metadata service.</summary>
internal static class PublicAddresses
{
    public static bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork when length == 4 => IsPublicV4(bytes[..4]),
            AddressFamily.InterNetworkV6 when length == 16 => IsPublicV6(bytes),
            _ => false,
        };
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> a) => !(
        a[0] is 0 or 10 or 127                              // "this" network, private, loopback
        || a[0] >= 224                                      // multicast, reserved, broadcast
        || (a[0] == 100 && (a[1] & 0xC0) == 64)             // 100.64.0.0/10 carrier-grade NAT
        || (a[0] == 169 && a[1] == 254)                     // link-local, the cloud metadata service
        || (a[0] == 172 && (a[1] & 0xF0) == 16)             // 172.16.0.0/12 private
        || (a[0] == 192 && a[1] == 168)                     // private
        || (a[0] == 192 && a[1] == 0 && a[2] is 0 or 2)     // protocol assignments, documentation
        || (a[0] == 198 && (a[1] & 0xFE) == 18)             // 198.18.0.0/15 benchmarking
        || (a[0] == 198 && a[1] == 51 && a[2] == 100)       // documentation
        || (a[0] == 203 && a[1] == 0 && a[2] == 113));      // documentation

    private static bool IsPublicV6(ReadOnlySpan<byte> a)
    {
        if (a[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return false;                                   // ::, ::1 and the old IPv4-compatible ::a.b.c.d
        }
        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(a[12..]);                     // 64:ff9b::/96 NAT64 reaches the IPv4 address inside
        }
        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return IsPublicV4(a[2..6]);                     // 2002::/16 6to4 likewise
        }
        return !(
            (a[0] & 0xFE) == 0xFC                           // fc00::/7 unique local
            || (a[0] == 0xFE && (a[1] & 0x80) == 0x80)      // fe80::/10 link-local, fec0::/10 old site-local
            || a[0] == 0xFF                                 // multicast
            || (a[0] == 0x01 && a[1] == 0x00 && a[2..8].IndexOfAnyExcept((byte)0) < 0)   // 100::/64 discard
            || (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x00 && a[3] == 0x00)            // 2001::/32 Teredo
            || (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8));          // 2001:db8::/32 documentation
    }
}
