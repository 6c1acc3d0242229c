namespace SocialReport.Core.Editions.Text;

/// <summary>Says, line by line, what a plain-text export became, so that an editor can see why a story was missed.</summary>
internal static class TextExplanation
{
    public static IEnumerable<LineNote> Notes(IReadOnlyList<TextLine> lines, TextLine? titleLine, IReadOnlyList<TextUnit> units,
        List<TextUnit> content, IReadOnlySet<int> headlines, int signature, IReadOnlySet<int> droppedLinks)
    {
        var headlineUnits = headlines.Order().Select(i => content[i]).ToList();
        var firstStory = headlineUnits.Count == 0 ? int.MaxValue : headlineUnits[0].Line;
        foreach (var line in lines.Where(l => l.Kind != LineKind.Blank))
        {
            var (role, why) = line.Number == titleLine?.Number ? ("title", "first line that names the edition")
                : OfKind(line.Kind, line.Number < firstStory) ?? ContentRole(line, units, headlineUnits, firstStory, signature, droppedLinks);
            yield return LineNote.Of(line.Number, role, line.Text, why);
        }
    }

    /// <summary>What a line that is not text of the edition is (chrome, a byline, a source line); null for content.</summary>
    public static (string Role, string Why)? OfKind(LineKind kind, bool beforeStories) => kind switch
    {
        LineKind.Address => ("address", "the page's address"),
        LineKind.Button => ("dropped", "button, link or page furniture"),
        LineKind.Caption => ("dropped", "image caption or credit"),
        LineKind.FileName => ("dropped", "file or image name"),
        LineKind.Byline => ("byline", "author or date line"),
        LineKind.DateLine => ("date", "a line that is mostly a date"),
        LineKind.SourceLine => ("source", "names the story's sources"),
        LineKind.Banner => ("dropped", beforeStories ? "above the title, or repeats the title" : "section banner"),
        LineKind.Embed => ("dropped", "embedded post"),
        LineKind.Label => ("dropped", "category, tag list or section label"),
        _ => null,
    };

    private static (string Role, string Why) ContentRole(TextLine line, IReadOnlyList<TextUnit> units, List<TextUnit> headlineUnits,
        int firstStory, int signature, IReadOnlySet<int> droppedLinks)
    {
        if (line.Number >= signature)
        {
            return ("signature", "names after the last story");
        }
        var story = headlineUnits.FindLastIndex(h => h.Line <= line.Number);
        if (story >= 0 && headlineUnits[story].Line == line.Number)
        {
            var split = units.Count(u => u.Line == line.Number && u.Kind == LineKind.Content) > 1 ? ", run into its text" : "";
            return ("headline", $"story {story + 1}: a short line followed by its text{split}");
        }
        if (droppedLinks.Contains(line.Number))
        {
            return ("dropped", line.Number > headlineUnits[^1].Line
                ? "a headline with no text at the end: a story the copy cut before its text"
                : "a headline with no text before the next story: a link to another article");
        }
        if (story >= 0)
        {
            return ("body", $"text of story {story + 1}");
        }
        var unit = units.LastOrDefault(u => u.Line <= line.Number && u.Kind == LineKind.Content);
        if (line.Number < firstStory && unit is not null && StoryShapes.LooksLikeBody(unit.Text))
        {
            return ("intro", "a paragraph before the first story");
        }
        if (line.Number < firstStory && (PersonNames.IsFullName(line.Text) || PersonNames.IsFirstName(line.Text)
            || PersonNames.IsUppercaseSurname(line.Text) || PersonNames.IsRole(line.Text)))
        {
            return ("editors", "a name or a job title before the stories");
        }
        return StoryShapes.LooksLikeHeadline(line.Text)
            ? ("unused", "looks like a headline, but no paragraph of text follows it")
            : ("unused", "neither a headline nor a paragraph (too short, or no sentence)");
    }
}
