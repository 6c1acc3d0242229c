namespace SocialReport.Core.Editions.Text;

/// <summary>Reads a plain-text export: a title line, an intro, a date, an editors block, then stories (a headline
/// line followed by paragraphs), possibly wrapped in the chrome of the web page it was copied from.</summary>
internal sealed class TextEditionReader(OutletCatalog outlets, DateOnly today)
{
    /// <summary>A signature names a few people, each on a line or three, right after the last story: looking further
    /// would only cost time.</summary>
    private const int MaxSignatureUnits = 40;

    public EditionDraft Read(string fileName, string text)
    {
        var lines = ChromeLines.Classify(text.Split('\n').Select(l => PlainText.Normalize(l.TrimEnd('\r')).Trim()).ToList());
        var titleLine = FindTitleLine(lines);
        var (title, titleDate) = titleLine is null ? (null, null) : TitleText.Split(titleLine.Text);
        var titleKey = titleLine is null ? null : TextFolding.Key(titleLine.Text);
        var body = lines
            .Select(l => (l.Kind is LineKind.Content && l.Number < (titleLine?.Number ?? 0))
                || l == titleLine || (l.Kind is LineKind.Content && titleKey is not null && TextFolding.Key(l.Text) == titleKey)
                ? l with { Kind = LineKind.Banner }
                : l)
            .ToList();
        var units = TextUnit.From(body);
        var content = units.Where(u => u.Kind == LineKind.Content).ToList();
        var headlines = StoryShapes.FindHeadlines(content);
        var firstStoryLine = headlines.Count == 0 ? int.MaxValue : content[headlines.Min()].Line;
        var header = units.Where(u => u.Line < firstStoryLine).ToList();
        var (signature, signedBy) = FindSignature(content, headlines);

        return new EditionDraft
        {
            Title = title is null ? null : Repair(title),
            Date = FindDate(fileName, titleLine, titleDate, header, units),
            Url = lines.FirstOrDefault(l => l.Kind != LineKind.Blank) is { Kind: LineKind.Address } address
                && Uri.TryCreate(address.Text, UriKind.Absolute, out var url) ? url : null,
            Authors = FindAuthors(header).Concat(signedBy).DistinctBy(a => TextFolding.Key(a.Name)).ToList(),
            Intro = PlainText.JoinParagraphs(header.Where(u => u.Kind == LineKind.Content && StoryShapes.LooksLikeBody(u.Text)).Select(u => Repair(u.Text))),
            Stories = ReadStories(units.Where(u => u.Line < signature).ToList(), content, headlines),
        };
    }

    private string Repair(string text) => GluedWords.Repair(text, outlets);

    /// <summary>The first line of words, unless a dated headline comes before any story: a page often opens with its
    /// site's name ("Le blog du digital") and titles the edition below ("Les 3 infos de la semaine – 12 mars 2021").</summary>
    private static TextLine? FindTitleLine(IReadOnlyList<TextLine> lines)
    {
        var first = lines.FirstOrDefault(l => l.Kind is LineKind.Content or LineKind.Banner
            || (l.Kind == LineKind.DateLine && DateFinder.Whole(l.Text) is null));
        if (first is null || DateFinder.Find(first.Text).Any(d => d.Year is not null))
        {
            return first;
        }
        var rest = lines.Where(l => l.Number > first.Number).ToList();
        var content = TextUnit.From(rest).Where(u => u.Kind == LineKind.Content).ToList();
        var headlines = StoryShapes.FindHeadlines(content);
        return headlines.Count > 0 && content[headlines.Min()] is var opening && DateFinder.Find(opening.Text).Any(d => d.Year is not null)
            ? rest.First(l => l.Number == opening.Line)
            : first;
    }

    /// <summary>Some exports sign at the bottom: short lines after the last story's paragraphs that name people.
    /// Returns the line where that signature starts (past the end when there is none) and who signed.</summary>
    private static (int Line, IReadOnlyList<Author> Authors) FindSignature(List<TextUnit> content, IReadOnlySet<int> headlines)
    {
        var last = headlines.Count == 0 ? content.Count : headlines.Max() + 1;
        var start = content.Count;
        while (start > last + 1 && !StoryShapes.LooksLikeBody(content[start - 1].Text))
        {
            start--;
        }
        for (var i = start; i < Math.Min(content.Count, start + MaxSignatureUnits); i++)
        {
            if (!content[i].StartsBlock || !EditorsBlock.MayStartSignature(content[i].Text))
            {
                continue;
            }
            var authors = EditorsBlock.Parse(content.Skip(i).Take(MaxSignatureUnits).Select(u => u.Text).ToList());
            if (authors.Count > 0)
            {
                return (content[i].Line, authors);
            }
        }
        return (int.MaxValue, []);
    }

    /// <summary>Units are in line order: each story's section is read on from where the last one stopped.</summary>
    private List<StoryDraft> ReadStories(List<TextUnit> units, List<TextUnit> content, IReadOnlySet<int> headlines)
    {
        var stories = new List<StoryDraft>();
        var starts = headlines.Order().ToList();
        var next = 0;
        for (var s = 0; s < starts.Count; s++)
        {
            var headline = content[starts[s]];
            var end = s + 1 < starts.Count ? content[starts[s + 1]].Line : int.MaxValue;
            while (next < units.Count && units[next].Line <= headline.Line)
            {
                next++;
            }
            var section = new List<TextUnit>();
            while (next < units.Count && units[next].Line < end)
            {
                section.Add(units[next++]);
            }
            var paragraphs = section.Where(u => u.Kind == LineKind.Content).Select(u => Repair(u.Text)).ToList();
            var storyText = PlainText.JoinParagraphs(paragraphs);
            var headlineText = Repair(headline.Text);
            var sources = new SourceList(outlets);
            sources.AddMentioned(headlineText + "\n\n" + storyText);
            foreach (var line in section.Where(u => u.Kind == LineKind.SourceLine))
            {
                foreach (var (name, url) in SourceLines.Parse(line.Text, outlets))
                {
                    sources.Add(name, url);
                }
            }
            stories.Add(new StoryDraft(headlineText, storyText, sources.Items, []));
        }
        return stories;
    }

    private static List<Author> FindAuthors(IReadOnlyList<TextUnit> header)
    {
        var authors = EditorsBlock.Parse(header
            .Where(u => u.Kind == LineKind.Content && !StoryShapes.LooksLikeBody(u.Text))
            .Select(u => u.Text)
            .ToList()).ToList();
        var known = authors.Select(a => TextFolding.Key(a.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in header.Where(u => u.Kind == LineKind.Byline).SelectMany(u => EditorsBlock.NamesInByline(u.Text)))
        {
            if (known.Add(TextFolding.Key(name)))
            {
                authors.Add(new Author(name, null));
            }
        }
        return authors;
    }

    /// <summary>The title's date, else the first date line or byline before the stories, else a date in the page
    /// address, else the first full date anywhere, else a weekday-and-day ("lundi 31 mars") placed in its year.</summary>
    private DateOnly? FindDate(string fileName, TextLine? titleLine, DateMention? titleDate, IReadOnlyList<TextUnit> header, IReadOnlyList<TextUnit> units)
    {
        if (titleDate is not null && titleLine is not null)
        {
            return Checked(fileName, titleLine.Number, titleDate);
        }
        foreach (var unit in header.Where(u => u.Kind is LineKind.DateLine or LineKind.Byline or LineKind.Address))
        {
            if (DateFinder.Find(unit.Text).FirstOrDefault(d => d.Year is not null) is { } mention)
            {
                return Checked(fileName, unit.Line, mention);
            }
        }
        var everywhere = units.Where(u => u.Kind is LineKind.Content or LineKind.DateLine or LineKind.Byline)
            .SelectMany(u => DateFinder.Find(u.Text))
            .ToList();
        return everywhere.Select(d => d.Date).FirstOrDefault(d => d is not null)
            ?? everywhere.Select(d => d.ResolveYear(today)).FirstOrDefault(d => d is not null);
    }

    private static DateOnly Checked(string fileName, int line, DateMention mention) =>
        mention.Date ?? throw new EditionImportException(fileName, line, $"the date \"{mention.Text}\" does not exist");
}
