using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class DateFinderTests
{
    [Theory]
    [InlineData("6 mars 2020", 2020, 3, 6)]
    [InlineData("06 mars 2020", 2020, 3, 6)]
    [InlineData("1er mars 2020", 2020, 3, 1)]
    [InlineData("vendredi 6 mars 2020", 2020, 3, 6)]
    [InlineData("6 février 2020", 2020, 2, 6)]
    [InlineData("6 fevrier 2020", 2020, 2, 6)]
    [InlineData("15 août 2021", 2021, 8, 15)]
    [InlineData("3 déc. 2019", 2019, 12, 3)]
    [InlineData("March 6, 2020", 2020, 3, 6)]
    [InlineData("Friday, March 6, 2020", 2020, 3, 6)]
    [InlineData("6 March 2020", 2020, 3, 6)]
    [InlineData("6th of March, 2020", 2020, 3, 6)]
    [InlineData("Sept 23rd 2020", 2020, 9, 23)]
    [InlineData("23.10.20", 2020, 10, 23)]
    [InlineData("23/10/2020", 2020, 10, 23)]
    [InlineData("2020-03-06", 2020, 3, 6)]
    [InlineData("2020/10/22", 2020, 10, 22)]
    public void Reads_french_english_and_numeric_dates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateFinder.ParseDate(text));

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("31 février 2020")]
    [InlineData("February 30, 2021")]
    [InlineData("31.04.21")]
    public void A_date_no_calendar_has_is_flagged(string text)
    {
        var mention = DateFinder.Whole(text);
        Assert.NotNull(mention);
        Assert.True(mention.DoesNotExist);
        Assert.Null(mention.Date);
    }

    [Theory]
    [InlineData("Screenshot 2020-10-23 at 16.16.38.png", 1)]
    [InlineData("version 1.2.3 et 16.16.38", 0)]
    [InlineData("2 milliards d’utilisateurs", 0)]
    [InlineData("le 12 février, puis le 19 février 2020", 2)]
    public void Finds_only_real_dates_in_text(string text, int count) =>
        Assert.Equal(count, DateFinder.Find(text).Count);

    [Fact]
    public void A_weekday_places_a_date_without_year()
    {
        var mention = Assert.Single(DateFinder.Find("lancé en France lundi 31 mars."));
        Assert.Null(mention.Date);
        Assert.Equal(new DateOnly(2025, 3, 31), mention.ResolveYear(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2014, 3, 31), mention.ResolveYear(new DateOnly(2025, 3, 30)));
        Assert.Null(Assert.Single(DateFinder.Find("le 31 mars")).ResolveYear(new DateOnly(2026, 11, 29)));
    }
}
