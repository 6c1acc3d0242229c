using SocialReport.Core.Search;

namespace SocialReport.Core.Tests.Search;

public sealed class TopicTests(SearchArchive archive) : IClassFixture<SearchArchive>
{
    private readonly IStoryIndex _index = archive.Index;

    [Fact]
    public void Whatsapp_finds_the_seed_story_first_although_later_stories_mention_it()
    {
        var page = _index.Topic("whatsapp", 0, 10);

        Assert.Equal(["2020-03-06/2", "2020-03-13/2", "2020-03-12/1"], page.Hits.Select(h => h.StoryId));
        var seed = page.Hits[0];
        Assert.Equal("WhatsApp franchit la barre des 2 milliards d’utilisateurs", seed.Headline);
        Assert.Equal("2020-03-06", seed.EditionId);
        Assert.Equal(new DateOnly(2020, 3, 6), seed.Date);
        Assert.Equal("fr", seed.Language);
        Assert.Equal(SearchField.Tags, seed.MatchedIn);
        Assert.All(page.Hits.Skip(1), h => Assert.Equal(SearchField.Body, h.MatchedIn));
        Assert.Equal("en", page.Hits[2].Language);
    }

    [Fact]
    public void Ranks_tags_then_headline_then_body_and_newest_first_within_each()
    {
        var page = _index.Topic("TikTok", 0, 10);

        Assert.Equal(
            [
                ("2020-03-13/3", SearchField.Tags),
                ("2020-02-07/3", SearchField.Tags),
                ("2020-02-21/3", SearchField.Headline),
                ("2020-02-27/2", SearchField.Body),
            ],
            page.Hits.Select(h => (h.StoryId, h.MatchedIn)));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public void Orders_stories_of_one_edition_by_number()
    {
        var page = _index.Topic("facebook", 0, 10);

        Assert.Equal(["2020-03-06/1", "2020-03-06/2", "2020-02-14/2"], page.Hits.Where(h => h.MatchedIn == SearchField.Tags).Select(h => h.StoryId));
    }

    [Fact]
    public void Derived_topics_count_as_tags_when_the_editor_set_none()
    {
        var hit = Assert.Single(_index.Topic("snapchat", 0, 10).Hits);

        Assert.Equal(("2020-02-07/2", SearchField.Tags), (hit.StoryId, hit.MatchedIn));
    }

    [Fact]
    public void Several_words_all_have_to_match_and_the_weakest_word_sets_the_tier()
    {
        Assert.Equal(3, _index.Topic("whatsapp", 0, 10).Total);

        var page = _index.Topic("whatsapp telegram", 0, 10);

        // Telegram's own story has it in tags and headline, but WhatsApp only in its text.
        Assert.Equal([("2020-03-13/2", SearchField.Body), ("2020-03-12/1", SearchField.Body)], page.Hits.Select(h => (h.StoryId, h.MatchedIn)));
        Assert.Equal(2, page.Total);
        Assert.Equal([("2020-03-13/2", SearchField.Headline)], _index.Topic("telegram utilisateurs", 0, 10).Hits.Select(h => (h.StoryId, h.MatchedIn)));
        Assert.Equal([("2020-03-13/2", SearchField.Tags)], _index.Topic("telegram messagerie", 0, 10).Hits.Select(h => (h.StoryId, h.MatchedIn)));
    }

    [Fact]
    public void Words_may_match_in_different_fields()
    {
        // "whatsapp" is a tag of the seed story, "chiffrement" only in its text.
        var hit = Assert.Single(_index.Topic("whatsapp chiffrement", 0, 10).Hits);

        Assert.Equal(("2020-03-06/2", SearchField.Body), (hit.StoryId, hit.MatchedIn));
    }

    [Fact]
    public void Does_not_look_at_sources()
    {
        Assert.Equal(0, _index.Topic("techcrunch", 0, 10).Total);
        Assert.Equal(1, _index.Search("techcrunch", 0, 10).Total);
    }

    [Fact]
    public void Pages_across_tiers_give_the_same_order_as_one_page()
    {
        var all = _index.Topic("tiktok", 0, 10).Hits;

        var onePerPage = Enumerable.Range(0, all.Count).Select(i => _index.Topic("tiktok", i, 1)).ToList();

        Assert.Equal(all, onePerPage.SelectMany(p => p.Hits));
        Assert.All(onePerPage, p => Assert.Equal(4, p.Total));
        Assert.Equal(all.Skip(1).Take(2), _index.Topic("tiktok", 1, 2).Hits);
    }

    [Fact]
    public void A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        var page = _index.Topic("tiktok", 10, 5);

        Assert.Empty(page.Hits);
        Assert.Equal(4, page.Total);
        Assert.Equal(4, _index.Topic("tiktok", 0, 0).Total);
    }
}
