using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

/// <summary>With pages kept, as the host keeps them: every change must show in the very next search.</summary>
public sealed class IndexUpdateTests : IDisposable
{
    private readonly LuceneStoryIndex _index = new() { CachedPages = 64 };

    [Fact]
    public void An_empty_index_finds_nothing()
    {
        Assert.Equal((0, 0), (_index.Topic("whatsapp", 0, 10).Total, _index.Topic("whatsapp", 0, 10).Hits.Count));
        Assert.Equal((0, 0), (_index.Search("whatsapp", 0, 10).Total, _index.Search("whatsapp", 0, 10).Hits.Count));
        Assert.Empty(_index.FrequentTopics(4, 10));
    }

    [Fact]
    public void Indexing_adds_an_edition_to_what_is_there()
    {
        _index.Rebuild([SearchArchive.Seed]);

        _index.Index(Edition("2020-03-20", "fr", Tagged("WhatsApp limite les transferts", "Contre les fausses nouvelles.", ["whatsapp"])));

        var ids = _index.Topic("whatsapp", 0, 10).Hits.Select(h => h.StoryId);
        Assert.Equal(["2020-03-20/1", "2020-03-06/2"], ids);
    }

    [Fact]
    public void A_revision_replaces_every_story_of_its_edition()
    {
        _index.Index(Edition("2020-03-20", "fr",
            Tagged("Snapchat lance Spotlight", "Un fil de vidéos courtes.", ["snapchat"]),
            Tagged("Clubhouse fait parler", "Le réseau audio invite sur invitation.", ["clubhouse"])));
        _index.Index(Edition("2020-03-27", "fr", Tagged("Snapchat rachète une start-up", "Encore une acquisition.", ["snapchat"])));

        _index.Index(Edition("2020-03-20", "fr", Tagged("Snapchat lance Spotlight pour concurrencer TikTok", "Un fil de vidéos courtes.", ["snapchat", "tiktok"])));

        Assert.Equal(0, _index.Search("clubhouse", 0, 10).Total);
        var snapchat = _index.Topic("snapchat", 0, 10);
        Assert.Equal(["2020-03-27/1", "2020-03-20/1"], snapchat.Hits.Select(h => h.StoryId));
        Assert.Equal("Snapchat lance Spotlight pour concurrencer TikTok", snapchat.Hits[1].Headline);
        Assert.Equal(2, snapchat.Total);
        Assert.Equal([new TopicCount("snapchat", 2), new TopicCount("tiktok", 1)], _index.FrequentTopics(10, 10));
    }

    [Fact]
    public void Rebuild_replaces_the_whole_index()
    {
        _index.Rebuild(SearchArchive.Editions);
        Assert.Equal(3, _index.Topic("whatsapp", 0, 10).Total);

        _index.Rebuild([SearchArchive.Seed]);

        Assert.Equal(["2020-03-06/2"], _index.Topic("whatsapp", 0, 10).Hits.Select(h => h.StoryId));
        Assert.Equal(0, _index.Search("linkedin", 0, 10).Total);
        Assert.DoesNotContain(_index.FrequentTopics(100, 100), t => t.Topic == "linkedin");
    }

    [Fact]
    public void Rebuild_keeps_the_last_of_two_revisions_with_one_id()
    {
        var first = Edition("2020-03-20", "en", Tagged("Vine returns", "Six seconds again.", ["vine"]));
        var revised = Edition("2020-03-20", "en", Tagged("Byte launches", "The heir of Vine.", ["byte"]));

        _index.Rebuild([first, revised]);

        Assert.Equal(["2020-03-20/1"], _index.Search("vine", 0, 10).Hits.Select(h => h.StoryId));
        Assert.Equal("Byte launches", _index.Search("vine", 0, 10).Hits[0].Headline);
        Assert.Equal(0, _index.Search("seconds", 0, 10).Total);
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_page_asked_again_is_the_one_kept_until_the_index_changes()
    {
        _index.Rebuild([SearchArchive.Seed]);
        var first = _index.Topic("whatsapp", 0, 10);

        Assert.Same(first, _index.Topic("whatsapp", 0, 10));
        Assert.NotSame(first, _index.Topic("whatsapp", 0, 5));
        Assert.NotSame(_index.Search("whatsapp", 0, 10), first);

        _index.Remove("2020-03-06");
        Assert.Equal(0, _index.Topic("whatsapp", 0, 10).Total);
    }

    [Fact]
    public void A_full_cache_starts_over_and_none_are_kept_at_zero()
    {
        using var index = new LuceneStoryIndex { CachedPages = 2 };
        index.Rebuild([SearchArchive.Seed]);
        var topic = index.Topic("whatsapp", 0, 10);
        var search = index.Search("whatsapp", 0, 10);
        Assert.Same(topic, index.Topic("whatsapp", 0, 10));
        Assert.Same(search, index.Search("whatsapp", 0, 10));

        var third = index.Topic("facebook", 0, 10);

        Assert.Same(third, index.Topic("facebook", 0, 10));
        Assert.NotSame(topic, index.Topic("whatsapp", 0, 10));
        index.CachedPages = 0;
        Assert.NotSame(index.Topic("whatsapp", 0, 10), index.Topic("whatsapp", 0, 10));
    }
}
