using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialReport.Core.Readers;

/// <summary>Local hours in which a chat gets no broadcast: <c>22:00-07:00</c> runs over midnight; start equal to end is refused.</summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    private const string Format = "HH:mm";

    public override string ToString() =>
        $"{Start.ToString(Format, CultureInfo.InvariantCulture)}-{End.ToString(Format, CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>22:00-07:00</c> (or <c>22h-7h</c>, <c>22:00–07:00</c>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out QuietHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32) return false;
        var parts = text.Replace('–', '-').Replace(" ", "", StringComparison.Ordinal).Split('-');
        if (parts.Length != 2 || !TryTime(parts[0], out var start) || !TryTime(parts[1], out var end) || start == end) return false;
        hours = new QuietHours(start, end);
        return true;
    }

    /// <summary>When the quiet hours around <paramref name="now"/> end, as an instant; null when <paramref name="now"/> is outside them.</summary>
    public DateTimeOffset? EndAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside) return null;
        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= End) day = day.AddDays(1);
        var end = day.ToDateTime(End, DateTimeKind.Unspecified);
        // The end falls in the hour the clocks skip: the first valid minute after it.
        while (zone.IsInvalidTime(end)) end = end.AddMinutes(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(end, zone), TimeSpan.Zero);
    }

    /// <summary>When a broadcast reaching <paramref name="chat"/> at <paramref name="now"/> may be sent, if it must wait; its own zone, else <paramref name="defaultZone"/>.</summary>
    public static DateTimeOffset? WaitUntil(Chat chat, DateTimeOffset now, string defaultZone) =>
        chat.QuietHours is { } quiet && (TryZone(chat.TimeZone, out var zone) || TryZone(defaultZone, out zone))
            ? quiet.EndAfter(now, zone)
            : null;

    /// <summary>An IANA time zone id as readers type it (<c>Europe/Paris</c>, <c>UTC</c>): no Windows ids, nothing over 64 characters.</summary>
    public static bool TryZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return false; }
        if (zone.HasIanaId) return true;
        zone = null;
        return false;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        var normal = text.Replace('h', ':').Replace('H', ':');
        if (normal.EndsWith(':')) normal += "00";
        return TimeOnly.TryParseExact(normal, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
