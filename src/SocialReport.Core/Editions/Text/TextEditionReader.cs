namespace SocialReport.Core.Editions.Text;

/// <summary>Reads a plain-text export: a title line, an intro, a date, an editors block, then stories (a headline
/// line followed by paragraphs), possibly wrapped in the chrome of the web page it was copied from.</summary>
internal sealed class TextEditionReader(OutletCatalog outlets, DateOnly today)
{
    /// <summary>A signature names a few people, each on a line or three, right after the last story: looking further
    /// would only cost time.</summary>
    private const int MaxSignatureUnits = 40;

    private const int MaxCutHeadlineWords = 25;

    /// <summary>When set, what each line became is written here (<c>import --explain</c>).</summary>
    public List<LineNote>? Notes { get; init; }

    private readonly HashSet<int> _droppedLinks = [];

    public EditionDraft Read(string fileName, string text)
    {
        var lines = ChromeLines.Classify(text.Split('\n').Select(l => PlainText.Normalize(l.TrimEnd('\r')).Trim()).ToList());
        var (titleLine, derivedTitle) = TitleLines.Find(lines, fileName);
        var (title, titleDate) = titleLine is null ? (derivedTitle is null ? null : TitleText.Split(derivedTitle).Title, null) : TitleText.Split(titleLine.Text);
        var titleKey = titleLine is null ? null : TextFolding.Key(titleLine.Text);
        var body = lines
            .Select(l => (l.Kind is LineKind.Content && l.Number < (titleLine?.Number ?? 0))
                || l == titleLine || (l.Kind is LineKind.Content && titleKey is not null && TextFolding.Key(l.Text) == titleKey)
                || (l.Kind is LineKind.Content && title is not null && StoryShapes.LooksLikeHeadline(l.Text) && TitleLines.RepeatsTitle(title, l.Text))
                ? l with { Kind = LineKind.Banner }
                : l)
            .ToList();
        var units = InlineHeadlines.Split(TextUnit.From(body));
        var content = units.Where(u => u.Kind == LineKind.Content).ToList();
        var headlines = StoryShapes.FindHeadlines(content);
        var firstStoryLine = headlines.Count == 0 ? int.MaxValue : content[headlines.Min()].Line;
        var header = units.Where(u => u.Line < firstStoryLine).ToList();
        var (signature, signedBy) = FindSignature(content, headlines);

        var draft = new EditionDraft
        {
            Title = title is null ? null : Repair(title),
            Date = FindDate(fileName, titleLine, titleDate, header),
            MentionedDate = FindMentionedDate(units),
            Url = lines.FirstOrDefault(l => l.Kind != LineKind.Blank) is { Kind: LineKind.Address } address
                && Uri.TryCreate(address.Text, UriKind.Absolute, out var url) ? url : null,
            Authors = FindAuthors(header).Concat(signedBy).DistinctBy(a => TextFolding.Key(a.Name)).ToList(),
            Intro = PlainText.JoinParagraphs(header.Where(u => u.Kind == LineKind.Content && StoryShapes.LooksLikeBody(u.Text)).Select(u => Repair(u.Text))),
            Stories = ReadStories(units.Where(u => u.Line < signature).ToList(), content, headlines),
        };
        Notes?.AddRange(TextExplanation.Notes(body, titleLine, units, content, headlines, signature, _droppedLinks));
        return draft;
    }

    private string Repair(string text) => GluedWords.Repair(text, outlets);

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
            // A headline run into its text shares its line with it: the section starts after the headline unit itself.
            while (next < units.Count && !ReferenceEquals(units[next], headline))
            {
                next++;
            }
            next++;
            var section = new List<TextUnit>();
            while (next < units.Count && units[next].Line < end)
            {
                section.Add(units[next++]);
            }
            var paragraphUnits = section.Where(u => u.Kind == LineKind.Content).ToList();
            var paragraphs = paragraphUnits.Select(u => Repair(ChromeLines.WithoutReadMore(u.Text))).ToList();
            if (paragraphs.Count > 1 && !ChromeLines.EndsSentence(paragraphs[^1])
                && ((s + 1 < starts.Count && StoryShapes.LooksLikeHeadline(paragraphs[^1]))
                    || (HeadlineText.WithoutPrefix(paragraphs[^1]).Numbered && PlainText.CountWords(paragraphs[^1]) <= MaxCutHeadlineWords)))
            {
                // A headline with no text of its own: before the next story, a link to another article; numbered at the
                // end, a story the copy cut before its text ("À la semaine prochaine" stays).
                paragraphs.RemoveAt(paragraphs.Count - 1);
                _droppedLinks.Add(paragraphUnits[^1].Line);
            }
            var storyText = PlainText.JoinParagraphs(paragraphs);
            var (headlineText, outlet) = HeadlineText.Split(Repair(headline.Text), outlets);
            var sources = new SourceList(outlets);
            foreach (var credited in new[] { outlet, headline.Outlet }.OfType<string>())
            {
                sources.Add(credited, null);
            }
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
        // "By Jane Doe | March 6", or the bare name a page prints above its date line ("- Marion Bonglet").
        var bylines = header.Where(u => u.Kind == LineKind.Byline).Select(u => u.Text.TrimStart('-', '•', '·', '*', ' '));
        foreach (var name in bylines.SelectMany(b => PersonNames.IsFullName(b) ? [b] : EditorsBlock.NamesInByline(b)))
        {
            if (known.Add(TextFolding.Key(name)))
            {
                authors.Add(new Author(name, null));
            }
        }
        return authors;
    }

    /// <summary>The title's date, else the first date line or byline before the stories, else a date in the page address.</summary>
    private static DateOnly? FindDate(string fileName, TextLine? titleLine, DateMention? titleDate, IReadOnlyList<TextUnit> header)
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
        return null;
    }

    /// <summary>The first full date anywhere, else a weekday-and-day ("lundi 31 mars") placed in its year.</summary>
    private DateOnly? FindMentionedDate(IReadOnlyList<TextUnit> units)
    {
        var everywhere = units.Where(u => u.Kind is LineKind.Content or LineKind.DateLine or LineKind.Byline)
            .SelectMany(u => DateFinder.Find(u.Text))
            .ToList();
        return everywhere.Select(d => d.Date).FirstOrDefault(d => d is not null)
            ?? everywhere.Select(d => d.ResolveYear(today)).FirstOrDefault(d => d is not null);
    }

    private static DateOnly Checked(string fileName, int line, DateMention mention) =>
        mention.Date ?? throw new EditionImportException(fileName, line, $"the date \"{mention.Text}\" does not exist");
}
