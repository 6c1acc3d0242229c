using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>Some reviews run each story's headline into its text on one line: "Twitter hiring people to work on new
/// subscription platform – Twitter appears to be working on …", "• Study Finds Twitter Is a Toxic Place (Axios). The
/// findings show …". When two paragraphs or more of a file have one of these shapes, each is split into a headline
/// and a paragraph.</summary>
internal static partial class InlineHeadlines
{
    private const int MaxHeadlineWords = 18;
    private static readonly string[] Dashes = [" – ", " — "];

    /// <summary>"Headline (Outlet). Text": the outlet's name is a few words with no sentence in them.</summary>
    [GeneratedRegex(@"\s\((?<outlet>[^()!?]{2,40})\)[.:]\s", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CreditedOutlet();

    [GeneratedRegex(@"^[•·*▪●◦-]\s+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Bullet();

    private sealed record Cut(int HeadlineEnd, int BodyStart, string? Outlet);

    public static IReadOnlyList<TextUnit> Split(IReadOnlyList<TextUnit> units)
    {
        var cuts = new Dictionary<int, (string Text, Cut Cut)>();
        var last = units.Count - 1;
        while (last >= 0 && units[last].Kind != LineKind.Content)
        {
            last--;
        }
        for (var i = 0; i < units.Count; i++)
        {
            var text = Bullet().Replace(units[i].Text, "");
            if (units[i].Kind == LineKind.Content && CutOf(text, cutShort: i == last) is { } cut)
            {
                cuts[i] = (text, cut);
            }
        }
        if (cuts.Count < 2)
        {
            return units;
        }
        var result = new List<TextUnit>(units.Count + cuts.Count);
        for (var i = 0; i < units.Count; i++)
        {
            if (!cuts.TryGetValue(i, out var split))
            {
                result.Add(units[i]);
                continue;
            }
            var (text, cut) = split;
            result.Add(units[i] with { Text = text[..cut.HeadlineEnd], StartsBlock = true, Outlet = cut.Outlet });
            result.Add(units[i] with { Text = text[cut.BodyStart..], StartsBlock = false });
        }
        return result;
    }

    /// <summary>Where the headline ends and the text starts, when the paragraph opens with a headline.</summary>
    /// <param name="cutShort">The text's last paragraph, which a copy of a page may stop mid-sentence.</param>
    private static Cut? CutOf(string text, bool cutShort)
    {
        var dash = Dashes.Select(d => text.IndexOf(d, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        if (dash > 0 && dash <= StoryShapes.MaxHeadlineLength && IsHeadline(text[..dash]) && IsBody(text[(dash + 3)..], cutShort))
        {
            return new Cut(dash, dash + 3, null);
        }
        var credit = CreditedOutlet().Match(text.Length > StoryShapes.MaxHeadlineLength + 50 ? text[..(StoryShapes.MaxHeadlineLength + 50)] : text);
        if (credit.Success && credit.Index <= StoryShapes.MaxHeadlineLength && IsHeadline(text[..credit.Index])
            && IsBody(text[(credit.Index + credit.Length)..], cutShort))
        {
            return new Cut(credit.Index, credit.Index + credit.Length, credit.Groups["outlet"].Value.Trim());
        }
        return null;
    }

    private static bool IsHeadline(string text) =>
        StoryShapes.LooksLikeHeadline(text) && PlainText.CountWords(text) <= MaxHeadlineWords && !ChromeLines.EndsSentence(text);

    private static bool IsBody(string text, bool cutShort) =>
        text.Length > 0 && char.IsUpper(text[0]) && (StoryShapes.LooksLikeBody(text) || (cutShort && PlainText.CountWords(text) >= StoryShapes.MinCutBodyWords));
}
