using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

public sealed class FrequentTopicsTests(SearchArchive archive) : IClassFixture<SearchArchive>
{
    [Fact]
    public void Counts_stories_per_topic_over_the_newest_editions()
    {
        // 2020-03-13, 2020-03-12 and the seed of 2020-03-06.
        var topics = archive.Index.FrequentTopics(3, 4);

        Assert.Equal(
            [new TopicCount("facebook", 2), new TopicCount("influence", 2), new TopicCount("marketing", 2), new TopicCount("coronavirus", 1)],
            topics);
    }

    [Fact]
    public void Older_editions_count_when_asked_for()
    {
        var topics = archive.Index.FrequentTopics(SearchArchive.Editions.Count, 3);

        Assert.Equal([new TopicCount("influence", 4), new TopicCount("facebook", 3), new TopicCount("marketing", 3)], topics);
        Assert.Empty(archive.Index.FrequentTopics(0, 3));
        Assert.Empty(archive.Index.FrequentTopics(3, 0));
    }

    [Fact]
    public void Spellings_of_one_topic_count_together_under_the_newest_spelling()
    {
        using var index = new LuceneStoryIndex();
        index.Rebuild(
        [
            Edition("2020-01-03", "fr", Derived("a", "a", ["Réseaux sociaux"]), Derived("b", "b", ["TikTok"])),
            Edition("2020-01-10", "fr", Derived("c", "c", ["reseaux  sociaux", "RÉSEAUX SOCIAUX"]), Derived("d", "d", ["tiktok"])),
            Edition("2020-01-17", "fr", Derived("e", "e", ["réseaux sociaux"])),
        ]);

        var topics = index.FrequentTopics(10, 10);

        Assert.Equal([new TopicCount("réseaux sociaux", 3), new TopicCount("tiktok", 2)], topics);
    }
}
