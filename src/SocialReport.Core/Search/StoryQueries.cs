using Lucene.Net.Index;
using Lucene.Net.Search;
using static SocialReport.Core.Search.StoryDocument;

namespace SocialReport.Core.Search;

/// <summary>Queries built in code from analyzed words, so user input is never parsed as Lucene syntax.</summary>
internal static class StoryQueries
{
    private static readonly Text[] TagsOnly = [Text.Tags];
    private static readonly Text[] TagsOrHeadline = [Text.Tags, Text.Headline];
    private static readonly Text[] TagsHeadlineOrBody = [Text.Tags, Text.Headline, Text.Body];

    /// <summary>
    /// The three tiers of <c>/topic</c>, each excluding the ones before it: a story is in the tags tier when
    /// every word is in its tags, in the headline tier when every word is in its tags or headline, else in the
    /// body tier.
    /// </summary>
    public static IEnumerable<(SearchField Tier, Query Query)> TopicTiers(IReadOnlyList<QueryWord> words)
    {
        var tags = EveryWordIn(words, TagsOnly);
        var headline = EveryWordIn(words, TagsOrHeadline);
        yield return (SearchField.Tags, tags);
        yield return (SearchField.Headline, new BooleanQuery { { headline, Occur.MUST }, { tags, Occur.MUST_NOT } });
        yield return (SearchField.Body, new BooleanQuery { { EveryWordIn(words, TagsHeadlineOrBody), Occur.MUST }, { headline, Occur.MUST_NOT } });
    }

    /// <summary>The tiers' own queries, to tell where a <c>/search</c> hit matched at best.</summary>
    public static Query InTags(IReadOnlyList<QueryWord> words) => EveryWordIn(words, TagsOnly);

    public static Query InTagsOrHeadline(IReadOnlyList<QueryWord> words) => EveryWordIn(words, TagsOrHeadline);

    /// <summary>Every word somewhere in the story; a word scores by its best field, the headline weighing most.</summary>
    public static Query FullText(IReadOnlyList<QueryWord> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var text in Enum.GetValues<Text>())
            {
                foreach (var term in Terms(word, text))
                {
                    term.Boost = Weight(text);
                    anyField.Add(term);
                }
            }
            query.Add(anyField, Occur.MUST);
        }
        return query;
    }

    private static BooleanQuery EveryWordIn(IReadOnlyList<QueryWord> words, Text[] texts)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new BooleanQuery();
            foreach (var text in texts)
            {
                foreach (var term in Terms(word, text))
                    anyField.Add(term, Occur.SHOULD);
            }
            query.Add(anyField, Occur.MUST);
        }
        return query;
    }

    private static TermQuery[] Terms(QueryWord word, Text text) =>
    [
        new(new Term(FieldName(text, "fr"), word.French)),
        new(new Term(FieldName(text, "en"), word.English)),
    ];

    private static float Weight(Text text) => text switch
    {
        Text.Headline => 3f,
        Text.Tags => 2f,
        _ => 1f,
    };
}
