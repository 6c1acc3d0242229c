using Lucene.Net.Index;
using Lucene.Net.Search;
using static SocialReport.Core.Search.StoryDocument;

namespace SocialReport.Core.Search;

/// <summary>Queries built in code from analyzed words, so user input is never parsed as Lucene syntax; each for one searcher.</summary>
internal static class StoryQueries
{
    /// <summary>What a word scores in <see cref="Topic"/> by the best text it is in. A word only in the body takes more off
    /// (InTags − 1) than every word of the longest query only in headlines could (<see cref="StoryAnalysis.MaxQueryWords"/>).</summary>
    private const float InTags = 2 * StoryAnalysis.MaxQueryWords;
    private const float InHeadline = InTags - 1;
    private const float InBody = 1;

    /// <summary>
    /// The stories of <c>/topic</c>: every word in the story's tags, headline or body, in one query whose score says the
    /// story's tier (<see cref="TierOf"/>): the tags tier when every word is in its tags, the headline tier when every
    /// word is in its tags or headline, else the body tier.
    /// </summary>
    public static Query Topic(StorySearcher searcher, IReadOnlyList<QueryWord> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            // A word scores by its best text alone (no tie-breaker), each text a constant whatever the word's frequency.
            var best = new DisjunctionMaxQuery(0f)
            {
                new ConstantScoreQuery(AnyOf(searcher, word, Text.Tags)) { Boost = InTags },
                new ConstantScoreQuery(AnyOf(searcher, word, Text.Headline)) { Boost = InHeadline },
                new ConstantScoreQuery(AnyOf(searcher, word, Text.Body)) { Boost = InBody },
            };
            query.Add(best, Occur.MUST);
        }
        return query;
    }

    /// <summary>
    /// The tier of a story from its score in <see cref="Topic"/> of that many words: every word in tags scores
    /// words × InTags; a word only in the headline takes 1 off, at most <paramref name="words"/> in all; a word only in
    /// the body takes InTags − 1 off, more than all headline words could. Sums of small whole numbers: exact in a float.
    /// </summary>
    public static SearchField TierOf(float score, int words)
    {
        var full = words * InTags;
        return score > full - 0.5f ? SearchField.Tags : score > full - words - 0.5f ? SearchField.Headline : SearchField.Body;
    }

    /// <summary>Every word somewhere in the story; a word scores by its best field, the headline weighing most.</summary>
    public static Query FullText(StorySearcher searcher, IReadOnlyList<QueryWord> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var text in Enum.GetValues<Text>())
            {
                foreach (var term in Terms(searcher, word, text))
                {
                    term.Boost = Weight(text);
                    anyField.Add(term);
                }
            }
            query.Add(anyField, Occur.MUST);
        }
        return query;
    }

    private static BooleanQuery AnyOf(StorySearcher searcher, QueryWord word, Text text)
    {
        var query = new BooleanQuery();
        foreach (var term in Terms(searcher, word, text))
            query.Add(term, Occur.SHOULD);
        return query;
    }

    private static TermQuery[] Terms(StorySearcher searcher, QueryWord word, Text text) =>
    [
        searcher.TermQuery(new Term(FieldName(text, "fr"), word.French)),
        searcher.TermQuery(new Term(FieldName(text, "en"), word.English)),
    ];

    private static float Weight(Text text) => text switch
    {
        Text.Headline => 3f,
        Text.Tags => 2f,
        _ => 1f,
    };
}
