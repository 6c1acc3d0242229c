using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class RateLimitSpecTests
{
    [Fact]
    public void Reads_the_teams_conversation_limits()
    {
        var limits = RateLimitSpec.ParseList("7/1s, 8/2s,60/30s,1800/1h");
        Assert.Equal(
            [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new RateLimitSpec(1800, TimeSpan.FromHours(1))],
            limits);
        Assert.Equal(0.5, limits[3].PerSecond);
    }

    [Theory]
    [InlineData("20/1m", 20, 60)]
    [InlineData("5/500ms", 5, 0.5)]
    [InlineData("3/1.5s", 3, 1.5)]
    public void Reads_units(string text, int permits, double seconds)
    {
        var limit = RateLimitSpec.Parse(text);
        Assert.Equal(permits, limit.Permits);
        Assert.Equal(TimeSpan.FromSeconds(seconds), limit.Window);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("7/")]
    [InlineData("0/1s")]
    [InlineData("-1/1s")]
    [InlineData("7/1d")]
    [InlineData("seven/1s")]
    public void Refuses_what_is_not_a_limit(string text) => Assert.Throws<FormatException>(() => RateLimitSpec.Parse(text));

    [Fact]
    public void Empty_is_no_limit() => Assert.Empty(RateLimitSpec.ParseList(" "));
}
