using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// The chats a canary goes to: exactly round(percent × audience) of them, those whose hash of (broadcast, chat) is the
/// lowest. Random across broadcasts, stable for one: a restart while its rows are written picks the same chats.
/// </summary>
public static class CanarySample
{
    public const int MinPercent = 1;
    public const int MaxPercent = 50;

    public static bool IsValid(int percent) => percent is >= MinPercent and <= MaxPercent;

    /// <summary>How many chats of <paramref name="audience"/> a canary of <paramref name="percent"/> reaches.</summary>
    public static int Size(int audience, int percent) => (int)Math.Round(audience * percent / 100.0, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<ChatKey> Of(string broadcastId, IEnumerable<ChatKey> audience, int percent)
    {
        var chats = audience.Distinct().ToList();
        return [.. chats.OrderBy(chat => Rank(broadcastId, chat)).ThenBy(chat => chat.ToString(), StringComparer.Ordinal).Take(Size(chats.Count, percent))];
    }

    private static ulong Rank(string broadcastId, ChatKey chat)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{broadcastId}\n{chat}"), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
