using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class ScheduleTimeTests
{
    [Fact]
    public void Paris_wall_clock_times_become_utc()
    {
        Assert.True(ScheduleTime.TryParseLocal("2020-03-06T09:00", out var winter));
        Assert.Equal(new DateTimeOffset(2020, 3, 6, 8, 0, 0, TimeSpan.Zero), ScheduleTime.ToUtc(winter, "Europe/Paris"));
        Assert.Equal(new DateTimeOffset(2020, 7, 6, 7, 0, 0, TimeSpan.Zero), ScheduleTime.ToUtc(new DateTime(2020, 7, 6, 9, 0, 0), "Europe/Paris"));
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScheduleTime.ToUtc(new DateTime(2020, 3, 29, 2, 30, 0), "Europe/Paris"));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_zones_are_refused() =>
        Assert.Throws<ArgumentException>(() => ScheduleTime.ToUtc(new DateTime(2020, 3, 6, 9, 0, 0), "Mars/Olympus"));

    [Theory]
    [InlineData("2020-03-06")]
    [InlineData("06/03/2020 09:00")]
    [InlineData("2020-03-06T25:00")]
    public void Only_iso_local_times_parse(string text) => Assert.False(ScheduleTime.TryParseLocal(text, out _));
}
