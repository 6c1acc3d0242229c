using System.Text.Json.Serialization;

namespace SocialReport.Core.Editions;

/// <summary>One issue of the newsletter, whatever file it came from.</summary>
public sealed record Edition
{
    /// <summary>Short and stable: the date (<c>2020-03-06</c>), with a suffix when two editions share a date.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>Where <see cref="Date"/> came from; editions stored before it was kept came from their text.</summary>
    public DateSource DateSource { get; init; } = DateSource.Text;
    /// <summary>Two-letter code: <c>fr</c> or <c>en</c>.</summary>
    public required string Language { get; init; }
    public Uri? Url { get; init; }
    public IReadOnlyList<Author> Authors { get; init; } = [];
    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public string Intro { get; init; } = "";
    public required IReadOnlyList<Story> Stories { get; init; }

    public Story? FindStory(int number) => number >= 1 && number <= Stories.Count ? Stories[number - 1] : null;
}

public sealed record Author(string Name, string? Role);

public sealed record Source(string Name, Uri? Url);

public sealed record Story
{
    /// <summary><c>{edition id}/{number}</c>, e.g. <c>2020-03-06/2</c>.</summary>
    public required string Id { get; init; }
    public required string Headline { get; init; }
    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    /// <summary>What the story is about: the editor's tags when given, else topics derived from the text.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Topics the editor set by hand (a <c>Tags:</c> line); empty when the topics were derived.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    [JsonIgnore]
    public int Number => int.Parse(Id.AsSpan(Id.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);
    [JsonIgnore]
    public string EditionId => Id[..Id.LastIndexOf('/')];

    [JsonIgnore]
    public IEnumerable<string> Paragraphs => Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum EditionFormat { Markdown, Text, Html }
