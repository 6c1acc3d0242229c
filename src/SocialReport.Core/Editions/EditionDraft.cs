namespace SocialReport.Core.Editions;

/// <summary>What a reader found in a file, before ids, language and topics are settled.</summary>
internal sealed record EditionDraft
{
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Language { get; init; }
    public Uri? Url { get; init; }
    public IReadOnlyList<Author> Authors { get; init; } = [];
    public string Intro { get; init; } = "";
    public IReadOnlyList<StoryDraft> Stories { get; init; } = [];
}

internal sealed record StoryDraft(string Headline, string Text, IReadOnlyList<Source> Sources, IReadOnlyList<string> Tags);
