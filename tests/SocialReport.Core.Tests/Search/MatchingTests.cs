using SocialReport.Core.Search;

namespace SocialReport.Core.Tests.Search;

/// <summary>The matching rules shared by /topic and /search.</summary>
public sealed class MatchingTests(SearchArchive archive) : IClassFixture<SearchArchive>
{
    private readonly IStoryIndex _index = archive.Index;

    private IEnumerable<string> TopicIds(string words) => _index.Topic(words, 0, 50).Hits.Select(h => h.StoryId);

    private IEnumerable<string> SearchIds(string words) => _index.Search(words, 0, 50).Hits.Select(h => h.StoryId);

    [Theory]
    [InlineData("reseaux")]
    [InlineData("réseaux")]
    [InlineData("RÉSEAUX")]
    [InlineData("Reseaux")]
    [InlineData("réseau")]
    public void Ignores_case_accents_and_plural_of_reseaux(string words)
    {
        Assert.Equal(["2020-03-13/1", "2020-03-06/1", "2020-03-06/3"], TopicIds(words));
    }

    [Fact]
    public void Reseaux_sociaux_needs_both_words()
    {
        var page = _index.Topic("reseaux sociaux", 0, 10);

        Assert.Equal(["2020-03-13/1", "2020-03-06/1", "2020-03-06/3"], page.Hits.Select(h => h.StoryId));
        Assert.Equal(SearchField.Tags, page.Hits[0].MatchedIn);
    }

    [Theory]
    [InlineData("europe")]
    [InlineData("Europe")]
    [InlineData("l'Europe")]
    [InlineData("l’europe")]
    public void Finds_french_elisions_with_either_apostrophe(string words)
    {
        var ids = SearchIds(words).ToList();

        Assert.Contains("2020-02-14/1", ids); // "l'Europe", straight apostrophe, in its text only
        Assert.Contains("2020-02-21/2", ids); // "l’Europe", typographic apostrophe, in its text only
        Assert.Contains("2020-03-06/1", ids);
        Assert.Equal(ids.Order(), TopicIds(words).Order());
    }

    [Fact]
    public void Finds_other_elided_words()
    {
        Assert.Contains("2020-02-07/2", SearchIds("utilisateurs")); // "218 millions d’utilisateurs"
        Assert.Contains("2020-03-06/3", SearchIds("achat")); // "processus d’achat"
    }

    [Fact]
    public void A_french_singular_finds_the_plural()
    {
        Assert.Equal(["2020-02-07/1", "2020-03-06/3"], SearchIds("influenceur").Order());
    }

    [Fact]
    public void An_english_singular_finds_the_plural()
    {
        var ids = TopicIds("influencer").ToList();

        Assert.Contains("2020-02-13/1", ids); // only "influencers"
        Assert.Contains("2020-03-12/2", ids);
        Assert.Contains("2020-02-13/1", SearchIds("influencer"));
    }

    [Fact]
    public void A_plural_query_finds_the_singular()
    {
        Assert.Contains("2020-03-12/2", SearchIds("influencers")); // only "influencer"
    }

    [Fact]
    public void Reports_the_language_of_each_edition()
    {
        var hits = _index.Search("linkedin", 0, 10).Hits;

        Assert.Equal("en", Assert.Single(hits).Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("?!,;.")]
    [InlineData("« » – …")]
    [InlineData("la de les")]
    [InlineData("the of and")]
    public void A_query_without_words_gives_an_empty_page(string words)
    {
        var topic = _index.Topic(words, 0, 10);
        var search = _index.Search(words, 0, 10);

        Assert.Equal((0, 0), (topic.Total, topic.Hits.Count));
        Assert.Equal((0, 0), (search.Total, search.Hits.Count));
    }

    [Theory]
    [InlineData("+"), InlineData("-"), InlineData("&&"), InlineData("||"), InlineData("!"), InlineData("("), InlineData(")")]
    [InlineData("{"), InlineData("}"), InlineData("["), InlineData("]"), InlineData("^"), InlineData("\""), InlineData("~")]
    [InlineData("*"), InlineData("?"), InlineData(":"), InlineData("\\"), InlineData("/")]
    public void Lucene_syntax_characters_are_plain_punctuation(string special)
    {
        Assert.Equal(0, _index.Search(special, 0, 10).Total);
        Assert.Equal(0, _index.Topic(special, 0, 10).Total);
        Assert.Equal(3, _index.Topic($"{special}whatsapp{special}", 0, 10).Total);
        Assert.Equal(3, _index.Search($"whatsapp {special}", 0, 10).Total);
    }

    [Theory]
    [InlineData("whatsapp AND (facebook")]
    [InlineData("headline:whatsapp")]
    [InlineData("whats* OR face?ook~2 ^3")]
    [InlineData("\"whatsapp facebook")]
    [InlineData("[a TO z] {b TO c} \\ / -facebook +whatsapp || !x && y")]
    public void Query_syntax_never_throws(string words)
    {
        var topic = _index.Topic(words, 0, 10);
        var search = _index.Search(words, 0, 10);

        Assert.True(topic.Total >= 0 && search.Total >= 0);
    }

    [Fact]
    public void Query_operators_are_read_as_words()
    {
        // "-facebook" does not exclude and "OR" does not widen: every word is required.
        Assert.Equal(["2020-03-06/2"], SearchIds("whatsapp -facebook"));
        Assert.Equal(["2020-03-06/2"], TopicIds("+whatsapp facebook*"));
        Assert.Empty(SearchIds("whatsapp OR linkedin"));
    }
}
