using SocialReport.Core.Cards;

namespace SocialReport.Core.Tests.Cards;

public class DateTextTests
{
    [Theory]
    [InlineData(2020, 3, 6, "fr", "6 mars 2020")]
    [InlineData(2020, 3, 1, "fr", "1er mars 2020")]
    [InlineData(2020, 8, 15, "fr", "15 août 2020")]
    [InlineData(2021, 12, 25, "fr", "25 décembre 2021")]
    [InlineData(2020, 2, 29, "fr-FR", "29 février 2020")]
    [InlineData(2020, 3, 6, "en", "6 March 2020")]
    [InlineData(2020, 3, 1, "en", "1 March 2020")]
    [InlineData(2020, 1, 31, "en-GB", "31 January 2020")]
    [InlineData(2020, 1, 31, "de", "31 janvier 2020")]
    public void Writes_the_date_out(int year, int month, int day, string language, string expected) =>
        Assert.Equal(expected, DateText.Format(new DateOnly(year, month, day), language));
}
