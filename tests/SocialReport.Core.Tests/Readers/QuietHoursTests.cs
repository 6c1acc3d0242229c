using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Readers;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static QuietHours Hours(string text) => QuietHours.TryParse(text, out var hours) ? hours.Value : throw new FormatException(text);

    [Theory]
    [InlineData("22:00-07:00", "22:00-07:00")]
    [InlineData("22h-7h", "22:00-07:00")]
    [InlineData(" 8:30 – 11:00 ", "08:30-11:00")]
    public void Reads_the_usual_ways_to_write_hours(string text, string expected) => Assert.Equal(expected, Hours(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("22:00")]
    [InlineData("07:00-07:00")]
    [InlineData("25:00-07:00")]
    [InlineData("22:00-07:00-09:00")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Refuses_anything_else(string text) => Assert.False(QuietHours.TryParse(text, out _));

    [Theory]
    // Winter in Paris: UTC+1.
    [InlineData("22:00-07:00", "2026-11-27T21:30:00Z", "2026-11-28T06:00:00Z")]
    [InlineData("22:00-07:00", "2026-11-27T02:00:00Z", "2026-11-27T06:00:00Z")]
    [InlineData("08:00-11:00", "2026-11-27T08:00:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("22:00-07:00", "2026-11-27T06:00:00Z", null)]
    [InlineData("22:00-07:00", "2026-11-27T12:00:00Z", null)]
    // The night the clocks go forward (29 March 2026, 2:00 → 3:00): quiet until 2:30 ends at 3:00.
    [InlineData("22:00-02:30", "2026-03-28T23:00:00Z", "2026-03-29T01:00:00Z")]
    public void A_time_inside_the_hours_waits_until_they_end_in_the_zone(string hours, string now, string? end) =>
        Assert.Equal(end is null ? null : DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            Hours(hours).EndAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Paris));

    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("", false)]
    public void Time_zones_are_IANA_ids(string id, bool known) => Assert.Equal(known, QuietHours.TryZone(id, out _));

    [Fact]
    public void A_chat_without_a_zone_of_its_own_uses_the_default()
    {
        var chat = TestChats.Subscriber("telegram", "1") with { QuietHours = Hours("08:00-11:00") };
        var now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), QuietHours.WaitUntil(chat, now, "Europe/Paris"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero), QuietHours.WaitUntil(chat, now, "UTC"));
        Assert.Null(QuietHours.WaitUntil(chat with { TimeZone = "America/New_York" }, now, "Europe/Paris"));
        Assert.Null(QuietHours.WaitUntil(chat with { QuietHours = null }, now, "Europe/Paris"));
    }
}
