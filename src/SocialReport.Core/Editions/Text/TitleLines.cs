using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>Which line titles a text export, and which lines only repeat the title as a section banner.</summary>
internal static partial class TitleLines
{
    private const int MinStoryWords = 20;
    private const int MaxLinesAboveTitle = 8;

    [GeneratedRegex(@"\b(?:revue de presse|semaine|hebdo|weekly|week|round-?up|rundown|recap|digest|news|actus?|actualites|infos|veille|brief|newsletter|social media|reseaux sociaux|n°\s?\d+)\b|#\d+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TitleWords();

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "from", "this", "that", "with", "your", "you", "les", "des", "une", "pour", "dans", "sur", "aux", "qui", "que", "est",
    };

    /// <summary>The title line, or null with a title made from the page's address or the file's name when the text has no
    /// title line: it opens on a long paragraph, or on a story's own headline.</summary>
    public static (TextLine? Line, string? Derived) Find(IReadOnlyList<TextLine> lines, string fileName)
    {
        var first = FirstCandidate(lines);
        if (first is null)
        {
            return (null, null);
        }
        if (first.Text.Length <= StoryShapes.MaxHeadlineLength && !OpensAStory(lines, first))
        {
            return (first, null);
        }
        var address = lines.FirstOrDefault(l => l.Kind != LineKind.Blank) is { Kind: LineKind.Address } a ? a.Text : null;
        return (null, FromName(address, fileName));
    }

    /// <summary>"Social Media News for January 2018" under "Social Media News Roundup": the title's words again, a banner
    /// over the stories rather than one of them.</summary>
    public static bool RepeatsTitle(string title, string line)
    {
        var titleWords = Words(title);
        if (titleWords.Count < 3)
        {
            return false;
        }
        var shared = Words(line).Count(titleWords.Contains);
        return shared >= 3 && shared >= 0.75 * titleWords.Count;
    }

    /// <summary>The first line of words, unless a dated headline comes before any story: a page often opens with its
    /// site's name ("Le blog du digital") and titles the edition below ("Les 3 infos de la semaine – 12 mars 2021");
    /// or with its category's label right above a title that starts with it ("Réseaux Sociaux" / "Réseaux sociaux : les 5 infos").</summary>
    private static TextLine? FirstCandidate(IReadOnlyList<TextLine> lines)
    {
        var first = lines.FirstOrDefault(l => l.Kind is LineKind.Content or LineKind.Banner
            || (l.Kind == LineKind.DateLine && DateFinder.Whole(l.Text) is null));
        if (first is null || DateFinder.Find(first.Text).Any(d => d.Year is not null))
        {
            return first;
        }
        var rest = lines.Where(l => l.Number > first.Number).ToList();
        if (BetterTitleBelow(first, rest) is { } better)
        {
            return better;
        }
        if (PlainText.CountWords(first.Text) <= 3
            && rest.FirstOrDefault(l => l.Kind != LineKind.Blank) is { Kind: LineKind.Content } next && StoryShapes.LooksLikeHeadline(next.Text)
            && TextFolding.Key(next.Text).StartsWith(TextFolding.Key(first.Text) + " ", StringComparison.Ordinal))
        {
            return next;
        }
        var content = TextUnit.From(rest).Where(u => u.Kind == LineKind.Content).ToList();
        var headlines = StoryShapes.FindHeadlines(content);
        return headlines.Count > 0 && content[headlines.Min()] is var opening && DateFinder.Find(opening.Text).Any(d => d.Year is not null)
            ? rest.First(l => l.Number == opening.Line)
            : first;
    }

    /// <summary>Above the title, a page may print lines of its own ("Live now", "Actualités France"): among the short
    /// lines before the first paragraph, the one that names an edition most ("La Revue de Presse de la Semaine #7").</summary>
    private static TextLine? BetterTitleBelow(TextLine first, List<TextLine> rest)
    {
        var candidates = rest.TakeWhile(l => !(l.Kind == LineKind.Content && StoryShapes.LooksLikeBody(l.Text)))
            .Where(l => l.Kind == LineKind.Content && StoryShapes.LooksLikeHeadline(l.Text))
            .Take(MaxLinesAboveTitle)
            .Select(l => (Line: l, Score: TitleWords().Count(TextFolding.Key(l.Text))))
            .ToList();
        var firstScore = TitleWords().Count(TextFolding.Key(first.Text));
        var (line, _) = candidates.Where(c => c.Score > firstScore).OrderByDescending(c => c.Score).ThenBy(c => c.Line.Number).FirstOrDefault();
        return line;
    }

    /// <summary>A short line (a title has words to spare) with a story's paragraph right under it (not a tagline): a
    /// story, not the edition's title.</summary>
    private static bool OpensAStory(IReadOnlyList<TextLine> lines, TextLine line)
    {
        var content = TextUnit.From(lines.Where(l => l.Number >= line.Number).ToList()).Where(u => u.Kind == LineKind.Content).ToList();
        return PlainText.CountWords(line.Text) <= 6 && !line.Text.Contains(':', StringComparison.Ordinal) && DateFinder.Find(line.Text).Count == 0
            && content.Count > 1 && content[0].Line == line.Number && PlainText.CountWords(content[1].Text) >= MinStoryWords
            && StoryShapes.FindHeadlines(content).Contains(0);
    }

    private static string? FromName(string? address, string fileName)
    {
        var name = address is not null && Uri.TryCreate(address, UriKind.Absolute, out var url)
            ? url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            : null;
        name ??= Path.GetFileNameWithoutExtension(fileName);
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 || !words.Any(char.IsLetter) ? null : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static HashSet<string> Words(string text) =>
        TextFolding.Key(text).Split([' ', ',', ':', '-', '–', '—', '|', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsLetter) && !SmallWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
}
