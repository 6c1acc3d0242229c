using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialReport.Core.Editions.Markdown;

/// <summary>Reads the Markdown format editors write: YAML front matter, optional intro paragraphs, then one
/// <c>## </c> heading per story. Links in a story are its sources; a <c>Tags: a, b</c> line right under a
/// heading sets its tags.</summary>
internal sealed class MarkdownEditionReader(OutletCatalog outlets)
{
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder { MaximumNestingDepth = ImportLimits.MaxNesting }.UseYamlFrontMatter().Build();

    private sealed class StoryBuilder(string headline, OutletCatalog outlets)
    {
        public string Headline { get; } = headline;
        public List<string> Paragraphs { get; } = [];
        public SourceList Sources { get; } = new(outlets);
        public IReadOnlyList<string> Tags { get; set; } = [];
        public StoryDraft Build() => new(Headline, PlainText.JoinParagraphs(Paragraphs), Sources.Items, Tags);
    }

    /// <summary>When set, receives what each block became (<c>import --explain</c>), at the block's first line.</summary>
    public List<LineNote>? Notes { get; init; }

    public EditionDraft Read(string fileName, string text)
    {
        var document = Parse(fileName, text);
        var lines = Notes is null ? [] : text.Split('\n');
        void Note(Block block, string role, string why)
        {
            if (Notes is not null && block.Line < lines.Length) Notes.Add(LineNote.Of(block.Line + 1, role, lines[block.Line].TrimEnd('\r'), why));
        }

        var frontMatter = ReadFrontMatter(fileName, text, document);
        string? heading = null;
        var headingLine = 0;
        var intro = new List<string>();
        var stories = new List<StoryBuilder>();

        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    Note(block, "front", "front matter: title, date, language, editors");
                    break;
                case ThematicBreakBlock:
                    Note(block, "dropped", "a separator line");
                    break;
                case HtmlBlock:
                    Note(block, "dropped", "raw HTML is not read");
                    break;
                case LinkReferenceDefinitionGroup:
                    Note(block, "dropped", "link definitions: a link counts where the text uses it");
                    break;
                case HeadingBlock { Level: 1 } h1 when stories.Count == 0:
                    Note(block, heading is null ? "title" : "dropped", heading is null ? "the first '# ' heading" : "a second '# ' heading before the stories");
                    heading ??= Clean(InlineText.Of(h1.Inline));
                    headingLine = headingLine == 0 ? h1.Line + 1 : headingLine;
                    break;
                case HeadingBlock { Level: 2 } h2:
                    var headline = Clean(InlineText.Of(h2.Inline));
                    if (headline.Length == 0)
                    {
                        throw new EditionImportException(fileName, h2.Line + 1, "a story heading ('## ') has no text");
                    }
                    var story = new StoryBuilder(headline, outlets);
                    AddSources(story.Sources, h2.Inline);
                    stories.Add(story);
                    Note(block, "headline", $"story {stories.Count}: a '## ' heading");
                    break;
                case ParagraphBlock paragraph when stories.Count > 0 && stories[^1] is { Paragraphs.Count: 0, Tags.Count: 0 } current
                    && TagsLine.TryRead(InlineText.Of(paragraph.Inline), out var tags, out var rest):
                    current.Tags = tags;
                    Note(block, "tags", $"tags of story {stories.Count}: a 'Tags:' line right under its heading");
                    if (rest.Length > 0)
                    {
                        current.Paragraphs.Add(Clean(rest));
                    }
                    AddSources(current.Sources, paragraph.Inline);
                    break;
                default:
                    var paragraphText = TextOf(block);
                    if (stories.Count == 0)
                    {
                        Note(block, "intro", "a paragraph before the first '## ' heading");
                        intro.Add(paragraphText);
                    }
                    else
                    {
                        Note(block, "body", $"text of story {stories.Count}");
                        stories[^1].Paragraphs.Add(paragraphText);
                        foreach (var leaf in block.Descendants<LeafBlock>().Prepend(block as LeafBlock).OfType<LeafBlock>())
                        {
                            AddSources(stories[^1].Sources, leaf.Inline);
                        }
                    }
                    break;
            }
        }
        if (stories.Count == 0)
        {
            throw new EditionImportException(fileName, 0, "no stories found: each story starts with a '## ' heading");
        }

        return new EditionDraft
        {
            Title = frontMatter.Title ?? TitleWithoutDate(heading),
            Date = frontMatter.Date ?? DateFrom(fileName, heading, headingLine),
            MentionedDate = intro.SelectMany(DateFinder.Find).Select(d => d.Date).FirstOrDefault(d => d is not null),
            Language = frontMatter.Language,
            Url = frontMatter.Url,
            Authors = frontMatter.Authors,
            Intro = PlainText.JoinParagraphs(intro),
            Stories = stories.Select(s => s.Build()).ToList(),
        };
    }

    private static MarkdownDocument Parse(string fileName, string text)
    {
        MarkdownNesting.CheckLines(fileName, text);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            throw MarkdownNesting.TooDeep(fileName, 0);
        }
        MarkdownNesting.CheckTree(fileName, document);
        return document;
    }

    private static FrontMatter ReadFrontMatter(string fileName, string text, MarkdownDocument document)
    {
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block)
        {
            var yaml = RawLines(block);
            return FrontMatter.Parse(fileName, yaml, block.Line + 2);
        }
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        if (firstLine.TrimEnd() == "---" && text.Split('\n').Skip(1).Any(l => l.Contains(':', StringComparison.Ordinal)))
        {
            throw new EditionImportException(fileName, 1, "the front matter that starts here has no closing '---' line");
        }
        return FrontMatter.Empty;
    }

    private void AddSources(SourceList sources, ContainerInline? inlines)
    {
        foreach (var link in InlineText.Links(inlines))
        {
            if (WebAddress.Resolve(link.Url, null) is { } url)
            {
                sources.Add(SourceName(Clean(InlineText.Of(link))), url);
            }
        }
    }

    /// <summary>"[Bloomberg reported](…)" cites Bloomberg.</summary>
    private string SourceName(string linkText) =>
        outlets.FindMentions(linkText) is [var mention, ..] ? mention.Text : linkText;

    private static string RawLines(LeafBlock leaf) =>
        leaf.Lines.Lines is { } lines ? string.Join('\n', lines.Take(leaf.Lines.Count).Select(l => l.Slice.ToString())) : "";

    private static string TextOf(Block block) => block switch
    {
        LeafBlock { Inline: not null } leaf => Clean(InlineText.Of(leaf.Inline)),
        LeafBlock leaf => RawLines(leaf).Trim(),
        ListBlock list => string.Join('\n', list.OfType<ListItemBlock>().Select(item => "- " + string.Join(' ', item.Select(TextOf)))),
        ContainerBlock container => string.Join("\n\n", container.Select(TextOf).Where(t => t.Length > 0)),
        _ => "",
    };

    private static string Clean(string text) => PlainText.Normalize(text.Replace('\n', ' ')).Trim();

    private static string? TitleWithoutDate(string? heading) => heading is null ? null : TitleText.Split(heading).Title;

    private static DateOnly? DateFrom(string fileName, string? heading, int line)
    {
        if (heading is null || DateFinder.Find(heading).FirstOrDefault(d => d.Year is not null) is not { } mention)
        {
            return null;
        }
        return mention.Date ?? throw new EditionImportException(fileName, line, $"the date \"{mention.Text}\" does not exist");
    }
}
