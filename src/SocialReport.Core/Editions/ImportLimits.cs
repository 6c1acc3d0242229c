using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>Bounds on what one import may cost, whoever sends the file: an anonymous preview, an editor's upload or
/// a downloaded page. A file past a bound gets an <see cref="EditionImportException"/>, never a hang or a crash.</summary>
internal static class ImportLimits
{
    /// <summary>Every pattern the importers run is written to be linear on the backtracking engine (no two loops can
    /// take the same character), and has this timeout as a backstop. The linear engine
    /// (<see cref="RegexOptions.NonBacktracking"/>) is no better here: it cannot look around, and its first match over
    /// a long run of letters takes seconds. The timeout is wall-clock time, so it is far above what any pattern needs
    /// (milliseconds on a 2 MB file): at 1 s, a busy machine made the seed edition fail now and then.</summary>
    public const int MatchTimeoutMilliseconds = 10_000;

    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    /// <summary>Quotes, lists and emphasis inside one another, and HTML elements inside one another: an edition
    /// needs a handful of levels; thousands only serve to exhaust the parsers and the stack.</summary>
    public const int MaxNesting = 64;

    /// <summary>Title, date, language, url and a few authors fit in far less.</summary>
    public const int MaxFrontMatterChars = 16 * 1024;

    /// <summary>Lists, maps and authors inside one another in the front matter.</summary>
    public const int MaxFrontMatterNesting = 8;

    public static EditionImportException TooSlow(string fileName) =>
        new(fileName, 0, "the file takes too long to read (a text pattern ran over its time limit); it does not look like an edition");
}
