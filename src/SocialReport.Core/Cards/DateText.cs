using System.Globalization;
using SocialReport.Core.Commands;

namespace SocialReport.Core.Cards;

/// <summary>Dates written out for readers: "6 mars 2020", "1er mars 2020", "6 March 2020".</summary>
public static class DateText
{
    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(DateOnly date, string language)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (Languages.Of(language) == Languages.French)
        {
            var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
            return $"{day} {FrenchMonths[date.Month - 1]} {year}";
        }
        return $"{date.Day.ToString(CultureInfo.InvariantCulture)} {EnglishMonths[date.Month - 1]} {year}";
    }
}
