using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

public sealed class SearchTests(SearchArchive archive) : IClassFixture<SearchArchive>
{
    private readonly IStoryIndex _index = archive.Index;

    [Fact]
    public void Ranks_by_relevance_before_date()
    {
        var page = _index.Search("whatsapp", 0, 10);

        // The seed story says WhatsApp in its headline and text; the later ones once in passing.
        Assert.Equal("2020-03-06/2", page.Hits[0].StoryId);
        Assert.Equal(SearchField.Tags, page.Hits[0].MatchedIn);
        Assert.Equal(3, page.Total);
        Assert.All(page.Hits.Skip(1), h => Assert.Equal(SearchField.Body, h.MatchedIn));
    }

    [Fact]
    public void Covers_headline_body_tags_and_sources()
    {
        Assert.Equal(["2020-02-13/3"], Ids("linkedin")); // headline, tags
        Assert.Equal(["2020-02-27/1"], Ids("cures")); // body
        Assert.Equal(["2020-02-21/2"], Ids("rgpd personnelles")); // tags
        Assert.Equal(["2020-03-12/1"], Ids("techcrunch")); // source only
        Assert.Equal(["2020-03-06/2"], Ids("modérateur")); // source only
        Assert.Equal(SearchField.Body, _index.Search("techcrunch", 0, 1).Hits[0].MatchedIn);
    }

    [Fact]
    public void Reports_where_the_words_matched_at_best()
    {
        Assert.Equal(SearchField.Headline, _index.Search("fleets", 0, 1).Hits[0].MatchedIn);
        Assert.Equal(SearchField.Tags, _index.Search("twitter", 0, 1).Hits[0].MatchedIn);
        Assert.Equal(SearchField.Body, _index.Search("twitter vanish", 0, 1).Hits[0].MatchedIn);
    }

    [Fact]
    public void Several_words_narrow_the_result()
    {
        Assert.True(_index.Search("facebook", 0, 10).Total > 1);
        Assert.Equal(["2020-02-14/2"], Ids("facebook paiement"));
        Assert.Empty(Ids("facebook linkedin"));
    }

    [Fact]
    public void Pages_hits_and_counts_them_all()
    {
        var all = _index.Search("facebook", 0, 100);
        var pages = Enumerable.Range(0, all.Total).Select(i => _index.Search("facebook", i, 1)).ToList();

        Assert.Equal(all.Total, all.Hits.Count);
        Assert.Equal(all.Hits, pages.SelectMany(p => p.Hits));
        Assert.All(pages, p => Assert.Equal(all.Total, p.Total));
        Assert.Empty(_index.Search("facebook", all.Total, 10).Hits);
        Assert.Equal(all.Total, _index.Search("facebook", 0, 0).Total);
    }

    [Fact]
    public void Equal_relevance_puts_the_newest_first_then_the_story_number()
    {
        using var index = new LuceneStoryIndex();
        var same = Tagged("Podcasts keep growing", "Listeners love podcasts.", ["audio"]);
        index.Rebuild(
        [
            Edition("2020-01-03", "en", same),
            Edition("2020-01-17", "en", same, same),
            Edition("2020-01-10", "en", same),
        ]);

        var ids = index.Search("podcasts", 0, 10).Hits.Select(h => h.StoryId);

        Assert.Equal(["2020-01-17/1", "2020-01-17/2", "2020-01-10/1", "2020-01-03/1"], ids);
    }

    private IEnumerable<string> Ids(string words) => _index.Search(words, 0, 50).Hits.Select(h => h.StoryId);
}
