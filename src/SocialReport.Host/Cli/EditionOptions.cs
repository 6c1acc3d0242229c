using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

/// <summary>What the editor may say about an edition file on the command line (<c>import</c>, <c>render</c>, <c>publish</c>).</summary>
internal static class EditionOptions
{
    public static readonly Option<DateOnly?> Date = new("--date")
    {
        Description = "The edition's date (YYYY-MM-DD), over any the file gives; needed when neither its text, its name nor its page metadata has one.",
        CustomParser = ParseDate,
    };

    public static readonly Option<Encoding?> Encoding = new("--encoding")
    {
        Description = "utf-8, utf-16, utf-16be, windows-1252 or latin1; by default from the byte order mark, else UTF-8, else Windows-1252.",
        CustomParser = ParseEncoding,
    };

    public static EditionHints Hints(ParseResult parse) => new()
    {
        Format = parse.GetValue(ImportVerb.Format),
        Date = parse.GetValue(Date),
        Encoding = parse.GetValue(Encoding),
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        result.AddError($"--date: '{text}' is not a date; write it YYYY-MM-DD, e.g. 2020-03-13.");
        return null;
    }

    private static Encoding? ParseEncoding(ArgumentResult result)
    {
        var name = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TextEncodings.Parse(name) is { } encoding)
        {
            return encoding;
        }
        result.AddError($"--encoding: '{name}' is not one of utf-8, utf-16, utf-16be, windows-1252, latin1.");
        return null;
    }
}
