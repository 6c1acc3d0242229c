using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>Chrome that shows by its neighbours: the author's name above a date line, the text of an embedded post
/// above its "— name (@handle) date" line; and the shapes of tag lists and embedded posts.</summary>
internal static partial class NeighbourChrome
{

    /// <summary>"— jack (@jack) March 21, 2006", "… pic.twitter.com/u7JHogAsDC— Camille Jourdain (@camillejourdain) November 23, 2021".</summary>
    [GeneratedRegex(@"pic\.twitter\.com/\w|https://t\.co/\w", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PostLink();

    [GeneratedRegex(@"\(@\w{1,30}\)\s{0,3}\p{L}{3,9}\.? \d{1,2}, \d{4}$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PostSignature();

    public static bool IsEmbeddedPost(string line) => PostLink().IsMatch(line) || PostSignature().IsMatch(line);

    /// <summary>"facebook, instagram, social, Social Media, This Week in Social": four or more short items, one of them
    /// in lowercase as a tag is, and no sentence.</summary>
    public static bool IsLabelList(string line)
    {
        if (line.Length > 200 || ChromeLines.EndsSentence(line) || !line.Contains(", ", StringComparison.Ordinal))
        {
            return false;
        }
        var items = line.Split(',', StringSplitOptions.TrimEntries);
        return items.Length >= 4
            && items.All(i => i.Length is > 0 and <= 30 && PlainText.CountWords(i) <= 4)
            && items.Any(i => char.IsLower(i[0]));
    }

    public static void Mark(TextLine[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Kind != LineKind.Content)
            {
                continue;
            }
            // The post's own words sit right above its signature line, with no blank between.
            if (i + 1 < lines.Length && lines[i + 1].Kind == LineKind.Embed && PostSignature().IsMatch(lines[i + 1].Text)
                && PlainText.CountWords(lines[i].Text) <= 60)
            {
                lines[i] = lines[i] with { Kind = LineKind.Embed };
            }
            else if (PersonNames.IsFullName(Bare(lines[i].Text)) && NextNonBlank(lines, i) is { Kind: LineKind.DateLine or LineKind.Byline })
            {
                lines[i] = lines[i] with { Kind = LineKind.Byline };
            }
        }
    }

    private static TextLine? NextNonBlank(TextLine[] lines, int index)
    {
        for (var j = index + 1; j < lines.Length && j <= index + 3; j++)
        {
            if (lines[j].Kind != LineKind.Blank)
            {
                return lines[j];
            }
        }
        return null;
    }

    private static string Bare(string line) => line.TrimStart('-', '•', '·', '*', ' ');
}
