using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialReport.Core.Delivery;

/// <summary>Local times in IANA zones, as editors write them: <c>2020-03-06T09:00 Europe/Paris</c>.</summary>
public static class ScheduleTime
{
    public static bool TryFindZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(id); return true; }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }

    /// <summary>Reads <c>yyyy-MM-ddTHH:mm</c> (seconds optional) as a wall-clock time.</summary>
    public static bool TryParseLocal(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>The UTC instant of a wall-clock time in a zone; an ambiguous time (clocks going back) is read in standard time.</summary>
    /// <exception cref="ArgumentException">Unknown zone, or a time that does not exist there (clocks going forward).</exception>
    public static DateTimeOffset ToUtc(DateTime local, string zoneId)
    {
        if (!TryFindZone(zoneId, out var zone)) throw new ArgumentException($"'{zoneId}' is not a known time zone.", nameof(zoneId));
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            throw new ArgumentException($"{unspecified.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} does not exist in {zoneId} (the clocks go forward).", nameof(local));
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }
}
