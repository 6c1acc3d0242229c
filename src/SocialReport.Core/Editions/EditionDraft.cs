namespace SocialReport.Core.Editions;

/// <summary>What a reader found in a file, before ids, language and topics are settled.</summary>
internal sealed record EditionDraft
{
    public string? Title { get; init; }
    /// <summary>The date the edition states: in its title, its date line, its byline or its front matter.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The date the page's markup gives (article:published_time, &lt;time datetime&gt;, JSON-LD datePublished).</summary>
    public DateOnly? MetadataDate { get; init; }
    /// <summary>A full date met anywhere in the text: weaker than the file name and the markup.</summary>
    public DateOnly? MentionedDate { get; init; }
    public string? Language { get; init; }
    public Uri? Url { get; init; }
    public IReadOnlyList<Author> Authors { get; init; } = [];
    public string Intro { get; init; } = "";
    public IReadOnlyList<StoryDraft> Stories { get; init; } = [];
}

internal sealed record StoryDraft(string Headline, string Text, IReadOnlyList<Source> Sources, IReadOnlyList<string> Tags);
