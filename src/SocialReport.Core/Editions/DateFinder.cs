using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>Finds dates written in French or English: "6 mars 2020", "1er mars 2020", "March 6, 2020",
/// "6 March 2020", "23.10.20", "2020-03-06", with an optional weekday.</summary>
internal static partial class DateFinder
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["janvier"] = 1, ["janv"] = 1, ["fevrier"] = 2, ["fevr"] = 2, ["fev"] = 2, ["mars"] = 3, ["avril"] = 4, ["avr"] = 4,
        ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7, ["juil"] = 7, ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10,
        ["novembre"] = 11, ["decembre"] = 12, ["dec"] = 12,
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday, ["jeudi"] = DayOfWeek.Thursday,
        ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday, ["dimanche"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    private const string MonthNames = "janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout|septembre|octobre|novembre|decembre|dec"
        + "|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december";
    private const string WeekdayNames = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    /// <summary>Spaces with maybe a comma, a space after it: ", " or " , " or " ". Written so that no two loops can
    /// share a space (<c>\s*,?\s+</c> backtracks quadratically on a long run of spaces).</summary>
    private const string Gap = @"(?:\s+(?:,\s+)?|,\s+)";

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<weekday>" + WeekdayNames + @")" + Gap + @")?(?:the\s+)?(?<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + MonthNames + @")\.?(?:" + Gap + @"(?<year>\d{4}))?(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<weekday>" + WeekdayNames + @")" + Gap + @")?(?<month>january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:" + Gap + @"(?<year>\d{4}))?(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"(?<![\d./-])(?<year>\d{4})[-/](?<month>\d{1,2})[-/](?<day>\d{1,2})(?![\d/-]|\.\d)", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<![\d./-])(?<day>\d{1,2})(?<sep>[./])(?<month>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})(?![\d/-]|\.\d)", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Numeric();

    public static IReadOnlyList<DateMention> Find(string text)
    {
        // Every form has a number: most lines have none, and skipping them saves four passes over the text.
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return [];
        }
        var folded = TextFolding.Fold(text);
        var found = new List<DateMention>();
        foreach (var regex in new[] { DayFirst(), MonthFirst(), YearFirst(), Numeric() })
        {
            foreach (Match match in regex.Matches(folded))
            {
                if (ToMention(text, match) is { } mention)
                {
                    found.Add(mention);
                }
            }
        }
        var kept = new List<DateMention>();
        foreach (var mention in found.OrderBy(m => m.Index).ThenByDescending(m => m.Length))
        {
            if (kept.Count == 0 || mention.Index >= kept[^1].Index + kept[^1].Length)
            {
                kept.Add(mention);
            }
        }
        return kept;
    }

    /// <summary>The text is a date and nothing else (bar punctuation around it).</summary>
    public static DateMention? Whole(string text)
    {
        var trimmed = text.Trim().Trim(',', '.', '-', '–', '|', '(', ')');
        var mentions = Find(trimmed);
        return mentions.Count == 1 && mentions[0].Length == trimmed.Length ? mentions[0] : null;
    }

    public static DateOnly? ParseDate(string text) => Whole(text)?.Date;

    private static DateMention? ToMention(string text, Match match)
    {
        var day = int.Parse(match.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var monthText = match.Groups["month"].Value;
        var month = char.IsDigit(monthText[0])
            ? int.Parse(monthText, System.Globalization.CultureInfo.InvariantCulture)
            : Months[monthText];
        int? year = match.Groups["year"].Success
            ? int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
        if (year is < 100)
        {
            year += 2000;
        }
        if (day is < 1 or > 31 || month is < 1 or > 12)
        {
            return null;
        }
        DayOfWeek? weekday = match.Groups["weekday"].Success ? Weekdays[match.Groups["weekday"].Value] : null;
        return new DateMention(match.Index, match.Length, text.Substring(match.Index, match.Length), day, month, year, weekday);
    }
}
