namespace SocialReport.Core.Editions.Text;

/// <summary>What headlines and body paragraphs look like in a text export: a headline is a short line with no final
/// period, followed by a paragraph; a paragraph ends a sentence or runs long.</summary>
internal static class StoryShapes
{
    public const int MaxHeadlineLength = 160;

    /// <summary>A copy of a page often stops mid-sentence: the last paragraph is a body all the same when it has words enough.</summary>
    public const int MinCutBodyWords = 10;

    public static bool LooksLikeHeadline(string line)
    {
        var (text, numbered) = HeadlineText.WithoutPrefix(line);
        var words = PlainText.CountWords(text);
        return text.Length is >= 8 and <= MaxHeadlineLength
            && words is >= 2 and <= 25
            && !char.IsLower(text[0])
            && (text[^1] is not ('.' or ',' or ';' or ':' or '…') || (numbered && text[^1] == '.' && words <= 15))
            && !text.StartsWith("- ", StringComparison.Ordinal) && !text.StartsWith("• ", StringComparison.Ordinal);
    }

    /// <summary>"Zeina Akkawi" over "Advisor in Marketing &amp; PR …": a name and its job titles, not a headline and its text.</summary>
    private static bool IsSignature(string headline, string next) =>
        PersonNames.IsFullName(headline) && PersonNames.IsRole(next) && !ChromeLines.EndsSentence(next);

    public static bool LooksLikeBody(string text) =>
        PlainText.CountWords(text) >= 6 && (ChromeLines.EndsSentence(text) || text.Length > MaxHeadlineLength);

    /// <summary>Indexes of the content units that open a story: each is a headline followed by a body paragraph that
    /// is not itself a headline (so a stray caption above a headline does not steal the story), or by the text's last
    /// paragraph, cut short.</summary>
    public static IReadOnlySet<int> FindHeadlines(IReadOnlyList<TextUnit> content)
    {
        var headlines = new HashSet<int>();
        for (var i = content.Count - 2; i >= 0; i--)
        {
            var unit = content[i];
            var next = content[i + 1];
            if (LooksLikeHeadline(unit.Text)
                && (LooksLikeBody(next.Text) || (i + 2 == content.Count && PlainText.CountWords(next.Text) >= MinCutBodyWords))
                && !char.IsLower(next.Text[0])
                && !headlines.Contains(i + 1)
                && !IsSignature(unit.Text, next.Text)
                && (unit.StartsBlock || (i > 0 && ChromeLines.EndsSentence(content[i - 1].Text)) || HeadlineText.WithoutPrefix(unit.Text).Numbered))
            {
                headlines.Add(i);
            }
        }
        return headlines;
    }
}
