using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>Settles an edition's date: the one the editor gave, else the one the edition states, else the file
/// name's, else the page markup's, else a date met in the text; with none of them the import asks for a date.</summary>
internal static partial class EditionDates
{
    /// <summary>"13-03-2020", "03_13_2020", "13.03.2020" in a file name: day first unless only the other reading is a date.</summary>
    [GeneratedRegex(@"(?<![\d])(?<a>\d{1,2})[-_.](?<b>\d{1,2})[-_.](?<year>(?:19|20)\d{2})(?![\d])", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthYear();

    /// <summary>"2020-03-13", "2020_03_13", "20200313".</summary>
    [GeneratedRegex(@"(?<![\d])(?<year>(?:19|20)\d{2})[-_.]?(?<month>\d{2})[-_.]?(?<day>\d{2})(?![\d])", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex YearMonthDay();

    public static (DateOnly Date, DateSource Source) Resolve(string fileName, EditionDraft draft, DateOnly? given)
    {
        if (given is { } date) return (date, DateSource.Given);
        if (draft.Date is { } stated) return (stated, DateSource.Text);
        if (FromFileName(fileName) is { } named) return (named, DateSource.FileName);
        if (draft.MetadataDate is { } marked) return (marked, DateSource.Metadata);
        if (draft.MentionedDate is { } mentioned) return (mentioned, DateSource.Text);
        throw new EditionImportException(fileName, 0,
            "no date found in the text, the file name or the page's metadata: give it with --date 2020-03-13 (in a chat: /publish … date 2020-03-13)")
        {
            DateMissing = true,
        };
    }

    /// <summary>The date a file's name carries, if it carries exactly one reading of one.</summary>
    public static DateOnly? FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.Length > 255) name = name[..255];
        foreach (Match match in YearMonthDay().Matches(name))
        {
            if (Make(match.Groups["year"].Value, match.Groups["month"].Value, match.Groups["day"].Value) is { } date) return date;
        }
        foreach (Match match in DayMonthYear().Matches(name))
        {
            var (a, b, year) = (match.Groups["a"].Value, match.Groups["b"].Value, match.Groups["year"].Value);
            if ((Make(year, b, a) ?? Make(year, a, b)) is { } date) return date;
        }
        // "social-media-news-october-1-2018", "revue-du-6-mars-2020": the words of a written date.
        var words = name.Replace('-', ' ').Replace('_', ' ');
        return DateFinder.Find(words).Select(d => d.Date).FirstOrDefault(d => d is not null);
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        var (y, m, d) = (Parse(year), Parse(month), Parse(day));
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    private static int Parse(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
