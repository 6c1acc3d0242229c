using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

/// <summary>
/// The whole order of <c>/topic</c> and <c>/search</c> pinned: tier (or relevance), newest edition, editions of one date
/// by id (the greater first), story number; over editions indexed one at a time (several segments) and rebuilt at once.
/// </summary>
public sealed class OrderTests
{
    /// <summary>Indexed out of the order they are listed in, so that neither indexing order nor segment decides.</summary>
    private static readonly IReadOnlyList<Core.Editions.Edition> Editions =
    [
        Edition("2020-05-01", "2020-05-01", "fr",
            Tagged("Le marché du son", "Le podcast attire les annonceurs.", ["audio"]),
            Tagged("Les studios se multiplient", "Des studios partout.", ["podcast"]),
            Tagged("Podcast : la course aux abonnés", "Les plateformes paient.", ["audio"])),
        Edition("2020-04-24", "2020-04-24", "fr",
            Tagged("Podcast et radio", "La radio résiste.", ["radio"]),
            Tagged("Les chiffres de l'audio", "Des écoutes en hausse.", ["podcast", "audio"])),
        Edition("2020-05-01-en", "2020-05-01", "en",
            Tagged("Studios sign hosts", "Exclusive deals.", ["podcast"]),
            Tagged("Audio ads grow", "Every podcast sells ads.", ["ads"])),
        Edition("2020-05-08", "2020-05-08", "fr",
            Tagged("Le son en voiture", "Un podcast pour la route.", ["voiture"])),
        Edition("2020-05-01-b", "2020-05-01", "fr",
            Tagged("Podcast : les marques s'y mettent", "Des séries de marque.", ["marques"]),
            Tagged("Un podcast quotidien", "Chaque matin.", ["podcast"])),
    ];

    private static readonly (string Story, SearchField Tier)[] PodcastTopic =
    [
        ("2020-05-01-en/1", SearchField.Tags),
        ("2020-05-01-b/2", SearchField.Tags),
        ("2020-05-01/2", SearchField.Tags),
        ("2020-04-24/2", SearchField.Tags),
        ("2020-05-01-b/1", SearchField.Headline),
        ("2020-05-01/3", SearchField.Headline),
        ("2020-04-24/1", SearchField.Headline),
        ("2020-05-08/1", SearchField.Body),
        ("2020-05-01-en/2", SearchField.Body),
        ("2020-05-01/1", SearchField.Body),
    ];

    public static TheoryData<bool> Built => [true, false];

    [Theory]
    [MemberData(nameof(Built))]
    public void Topic_lists_tiers_then_newest_then_edition_id_descending_then_story_number(bool oneAtATime)
    {
        using var index = Indexed(oneAtATime);

        var page = index.Topic("podcast", 0, 20);

        Assert.Equal(PodcastTopic, page.Hits.Select(h => (h.StoryId, h.MatchedIn)));
        Assert.Equal(PodcastTopic.Length, page.Total);
    }

    [Theory]
    [MemberData(nameof(Built))]
    public void Topic_pages_of_every_size_follow_the_same_order(bool oneAtATime)
    {
        using var index = Indexed(oneAtATime);

        foreach (var size in new[] { 1, 2, 3, 4 })
        {
            for (var skip = 0; skip < PodcastTopic.Length + 2; skip += size)
            {
                var page = index.Topic("podcast", skip, size);
                Assert.Equal(PodcastTopic.Skip(skip).Take(size), page.Hits.Select(h => (h.StoryId, h.MatchedIn)));
                Assert.Equal(PodcastTopic.Length, page.Total);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Built))]
    public void Equal_relevance_in_search_lists_editions_of_one_date_by_id_descending(bool oneAtATime)
    {
        using var index = new LuceneStoryIndex();
        var same = Tagged("Podcasts keep growing", "Listeners love podcasts.", ["audio"]);
        Core.Editions.Edition[] editions =
        [
            Edition("2020-01-10-a", "2020-01-10", "en", same),
            Edition("2020-01-17", "2020-01-17", "en", same, same),
            Edition("2020-01-10-c", "2020-01-10", "en", same, same),
            Edition("2020-01-10-b", "2020-01-10", "en", same),
        ];
        if (oneAtATime)
        {
            foreach (var edition in editions) index.Index(edition);
        }
        else
        {
            index.Rebuild(editions);
        }

        string[] expected = ["2020-01-17/1", "2020-01-17/2", "2020-01-10-c/1", "2020-01-10-c/2", "2020-01-10-b/1", "2020-01-10-a/1"];
        Assert.Equal(expected, index.Search("podcasts", 0, 10).Hits.Select(h => h.StoryId));
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).SelectMany(i => index.Search("podcasts", i, 1).Hits).Select(h => h.StoryId));
        Assert.All(index.Search("podcasts", 0, 10).Hits, h => Assert.Equal(SearchField.Headline, h.MatchedIn));
    }

    [Fact]
    public void Search_puts_relevance_before_the_tier_and_says_each_hit_s_tier()
    {
        using var index = Indexed(oneAtATime: true);

        var page = index.Search("podcast", 0, 20);

        Assert.Equal(PodcastTopic.Length, page.Total);
        Assert.Equal(PodcastTopic.OrderBy(h => h.Story, StringComparer.Ordinal), page.Hits.Select(h => (h.StoryId, h.MatchedIn)).OrderBy(h => h.StoryId, StringComparer.Ordinal));
    }

    [Fact]
    public void One_word_of_the_most_a_query_takes_sets_the_tier()
    {
        using var index = new LuceneStoryIndex();
        var tags = Enumerable.Range(0, 31).Select(i => $"q{(char)('a' + i / 26)}{(char)('a' + i % 26)}z").ToArray();
        index.Index(Edition("2020-05-01", "en", Tagged("The headz", "Only here: bodyz.", tags)));
        var all = string.Join(" ", tags);

        Assert.Equal(SearchField.Tags, Assert.Single(index.Topic(all, 0, 1).Hits).MatchedIn);
        Assert.Equal(SearchField.Headline, Assert.Single(index.Topic($"{all} headz", 0, 1).Hits).MatchedIn);
        Assert.Equal(SearchField.Body, Assert.Single(index.Topic($"{all} bodyz", 0, 1).Hits).MatchedIn);
        Assert.Equal(SearchField.Body, Assert.Single(index.Search($"{all} bodyz", 0, 1).Hits).MatchedIn);
        Assert.Equal(SearchField.Headline, Assert.Single(index.Search($"{all} headz", 0, 1).Hits).MatchedIn);
    }

    private static LuceneStoryIndex Indexed(bool oneAtATime)
    {
        var index = new LuceneStoryIndex();
        if (oneAtATime)
        {
            foreach (var edition in Editions) index.Index(edition);
        }
        else
        {
            index.Rebuild(Editions);
        }
        return index;
    }
}
