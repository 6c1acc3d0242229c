using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Archive;

/// <summary>
/// The archive's own serialized form of an edition: stable JSON that does not change when the in-memory model grows
/// computed members, plus the SHA-256 of that JSON to tell an unchanged edition from a revised one.
/// </summary>
public static class EditionContent
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Stored in the database, never embedded in HTML: keep accents and typographic quotes as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Edition edition) => JsonSerializer.Serialize(StoredEdition.From(edition), Options);

    public static Edition Deserialize(string json) =>
        (JsonSerializer.Deserialize<StoredEdition>(json, Options) ?? throw new InvalidDataException("An archived edition is empty.")).ToEdition();

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <param name="DateSource">Left out when the edition states its own date (the common case), so that editions archived
    /// before the field existed keep their hash.</param>
    private sealed record StoredEdition(
        string Id, string Title, DateOnly Date, string Language, string? Url,
        IReadOnlyList<StoredAuthor>? Authors, string? Intro, IReadOnlyList<StoredStory>? Stories,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateSource? DateSource = null)
    {
        public static StoredEdition From(Edition e) => new(
            e.Id, e.Title, e.Date, e.Language, e.Url?.OriginalString,
            [.. e.Authors.Select(a => new StoredAuthor(a.Name, a.Role))],
            e.Intro,
            [.. e.Stories.Select(StoredStory.From)],
            e.DateSource == Editions.DateSource.Text ? null : e.DateSource);

        public Edition ToEdition() => new()
        {
            Id = Id,
            Title = Title,
            Date = Date,
            Language = Language,
            Url = ToUri(Url),
            Authors = [.. (Authors ?? []).Select(a => new Author(a.Name, a.Role))],
            Intro = Intro ?? "",
            Stories = [.. (Stories ?? []).Select(s => s.ToStory())],
            DateSource = DateSource ?? Editions.DateSource.Text,
        };
    }

    private sealed record StoredAuthor(string Name, string? Role);

    private sealed record StoredSource(string Name, string? Url);

    private sealed record StoredStory(
        string Id, string Headline, string Text,
        IReadOnlyList<StoredSource>? Sources, IReadOnlyList<string>? Topics, IReadOnlyList<string>? Tags)
    {
        public static StoredStory From(Story s) => new(
            s.Id, s.Headline, s.Text,
            [.. s.Sources.Select(x => new StoredSource(x.Name, x.Url?.OriginalString))],
            s.Topics, s.Tags);

        public Story ToStory() => new()
        {
            Id = Id,
            Headline = Headline,
            Text = Text,
            Sources = [.. (Sources ?? []).Select(x => new Source(x.Name, ToUri(x.Url)))],
            Topics = Topics ?? [],
            Tags = Tags ?? [],
        };
    }

    private static Uri? ToUri(string? text) => text is null ? null : new Uri(text, UriKind.RelativeOrAbsolute);
}
