namespace SocialReport.Core.Editions.Text;

/// <summary>Some reviews run each story's headline into its text on one line: "Twitter hiring people to work on new
/// subscription platform – Twitter appears to be working on …". When two paragraphs or more of a file have that shape,
/// each is split into a headline and a paragraph.</summary>
internal static class InlineHeadlines
{
    private const int MaxHeadlineWords = 18;
    private static readonly string[] Dashes = [" – ", " — "];

    public static IReadOnlyList<TextUnit> Split(IReadOnlyList<TextUnit> units)
    {
        var splits = new Dictionary<int, int>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Kind == LineKind.Content && SplitAt(units[i].Text) is { } at)
            {
                splits[i] = at;
            }
        }
        if (splits.Count < 2)
        {
            return units;
        }
        var result = new List<TextUnit>(units.Count + splits.Count);
        for (var i = 0; i < units.Count; i++)
        {
            if (!splits.TryGetValue(i, out var at))
            {
                result.Add(units[i]);
                continue;
            }
            var unit = units[i];
            result.Add(unit with { Text = unit.Text[..at] });
            result.Add(unit with { Text = unit.Text[(at + 3)..], StartsBlock = false });
        }
        return result;
    }

    /// <summary>Where the headline ends, when the paragraph opens with one followed by a dash and a sentence.</summary>
    private static int? SplitAt(string text)
    {
        var at = Dashes.Select(d => text.IndexOf(d, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        if (at <= 0 || at > StoryShapes.MaxHeadlineLength)
        {
            return null;
        }
        var headline = text[..at];
        var body = text[(at + 3)..];
        return body.Length > 0 && char.IsUpper(body[0]) && StoryShapes.LooksLikeBody(body)
            && StoryShapes.LooksLikeHeadline(headline) && PlainText.CountWords(headline) <= MaxHeadlineWords && !ChromeLines.EndsSentence(headline)
            ? at
            : null;
    }
}
