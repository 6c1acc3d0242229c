using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Index keys of the delivery ledger, made of lowercase hex digests and zero-padded numbers only, so that equality
/// and order are the same under any LiteDB collation.
/// </summary>
internal static class DeliveryKeys
{
    private const int TicksDigits = 19;

    /// <summary>The row's id: one per broadcast and chat.</summary>
    public static string Row(string broadcastId, ChatKey chat) => Digest(32, broadcastId, chat.ToString());

    /// <summary>
    /// Pending rows: lane of (broadcast, channel), then the next attempt's ticks, so a range scan yields them due-first.
    /// Rows due at the same moment share the key, and LiteDB keeps equal keys in the order they were written: a
    /// broadcast goes out in the order its rows were written, so the rows recorded together sit on the same data and
    /// index pages (a chat's digest here spread each commit over a page per row: measured, 100 000 subscribers).
    /// Rows written before this carry the chat's digest after the ticks: the same ranges hold them.
    /// </summary>
    public static string Due(string broadcastId, string channel, DateTimeOffset nextAttemptAt) =>
        Lane(broadcastId, channel) + Ticks(nextAttemptAt);

    /// <summary>Every due key of the lane up to <paramref name="now"/>, inclusive.</summary>
    public static (string From, string To) DueRange(string broadcastId, string channel, DateTimeOffset now)
    {
        var lane = Lane(broadcastId, channel);
        // 'g' sorts after every hex digit: the bound includes any chat at exactly `now`.
        return (lane + new string('0', TicksDigits), lane + Ticks(now) + "g");
    }

    /// <summary>Every due key of the lane after <paramref name="now"/>: pending rows not due yet.</summary>
    public static (string From, string To) LaterRange(string broadcastId, string channel, DateTimeOffset now)
    {
        var lane = Lane(broadcastId, channel);
        return (lane + Ticks(now) + "g", lane + new string('9', TicksDigits) + "g");
    }

    /// <summary>Rows of one channel of a broadcast in one state, counted on the index.</summary>
    public static string State(string broadcastId, string channel, DeliveryState state) =>
        Lane(broadcastId, channel) + ((int)state).ToString("D2", CultureInfo.InvariantCulture);

    private static string Lane(string broadcastId, string channel) => Digest(16, broadcastId, channel);

    private static string Ticks(DateTimeOffset instant) =>
        instant.UtcTicks.ToString("D" + TicksDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Digest(int length, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(hash)[..length];
    }
}
