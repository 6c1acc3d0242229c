using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>How a story is laid out in the index: one document per story.</summary>
internal static class StoryDocument
{
    public const string StoryId = "story";
    public const string EditionId = "edition";
    public const string Date = "date";
    public const string Number = "number";
    public const string Headline = "headline";
    public const string Language = "language";
    /// <summary>The hash of the edition's content as the archive keeps it (<see cref="Archive.EditionContent"/>): what
    /// <see cref="LuceneStoryIndex.Sync"/> compares with the archive to find the editions an index kept on disk lacks.</summary>
    public const string ContentHash = "hash";
    /// <summary>The story's topics, stored (not searched) to count the frequent topics without the archive.</summary>
    public const string Topics = "topics";
    private const char TopicSeparator = '\u001f';

    /// <summary>The searchable texts; each is indexed twice, through the French and the English chain.</summary>
    public enum Text { Tags, Headline, Body, Sources }

    public static string FieldName(Text text, string language) => $"{text.ToString().ToLowerInvariant()}.{language}";

    public static IEnumerable<string> Fields(string language) => Enum.GetValues<Text>().Select(t => FieldName(t, language));

    public static Document From(Edition edition, Story story, string contentHash)
    {
        var document = new Document
        {
            new StringField(StoryId, story.Id, Field.Store.YES),
            new StringField(EditionId, edition.Id, Field.Store.YES),
            new SortedDocValuesField(EditionId, new BytesRef(edition.Id)),
            new StoredField(Date, edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new NumericDocValuesField(Date, edition.Date.DayNumber),
            new NumericDocValuesField(Number, story.Number),
            new StoredField(Headline, story.Headline),
            new StoredField(Language, edition.Language),
            new StoredField(ContentHash, contentHash),
            new StoredField(Topics, string.Join(TopicSeparator, story.Topics)),
        };
        var tags = story.Tags.Count > 0 ? story.Tags : story.Topics;
        AddText(document, Text.Tags, tags);
        AddText(document, Text.Headline, [story.Headline]);
        AddText(document, Text.Body, [story.Text]);
        AddText(document, Text.Sources, story.Sources.Select(s => s.Name));
        return document;
    }

    public static SearchHit ToHit(Document document, SearchField matchedIn) => new(
        document.Get(StoryId, CultureInfo.InvariantCulture),
        document.Get(EditionId, CultureInfo.InvariantCulture),
        DateOnly.ParseExact(document.Get(Date, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        document.Get(Headline, CultureInfo.InvariantCulture),
        document.Get(Language, CultureInfo.InvariantCulture),
        matchedIn);

    /// <summary>What the index keeps of a story besides its text: its edition, the content indexed, its number and topics.</summary>
    public static StoredStory Stored(Document document)
    {
        var topics = document.Get(Topics, CultureInfo.InvariantCulture);
        return new StoredStory(
            document.Get(EditionId, CultureInfo.InvariantCulture),
            DateOnly.ParseExact(document.Get(Date, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            document.Get(ContentHash, CultureInfo.InvariantCulture),
            NumberOf(document),
            string.IsNullOrEmpty(topics) ? [] : topics.Split(TopicSeparator));
    }

    /// <summary>The story's place in its edition, from its id (<c>2020-03-06/2</c>).</summary>
    public static int NumberOf(Document document)
    {
        var id = document.Get(StoryId, CultureInfo.InvariantCulture);
        return int.Parse(id.AsSpan(id.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
    }

    private static void AddText(Document document, Text text, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            document.Add(new TextField(FieldName(text, "fr"), value, Field.Store.NO));
            document.Add(new TextField(FieldName(text, "en"), value, Field.Store.NO));
        }
    }
}

internal sealed record StoredStory(string EditionId, DateOnly Date, string? ContentHash, int Number, IReadOnlyList<string> Topics);
