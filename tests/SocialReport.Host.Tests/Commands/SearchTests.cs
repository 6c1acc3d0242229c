using SocialReport.Core.Cards;

namespace SocialReport.Host.Tests.Commands;

public sealed class SearchTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();
    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<IReadOnlyList<string>> StoriesFor(string command) =>
        (await _bot.AskAsync(command)).Single<ListCard>().Items.Select(i => i.Open!.Command!.Replace("/read ", "", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Topic_whatsapp_finds_the_seed_story_first_then_the_stories_that_mention_it()
    {
        var stories = await StoriesFor("/topic whatsapp");

        Assert.Equal("2020-03-06/2", stories[0]);
        Assert.Contains("2020-03-20/1", stories);
        var first = (await _bot.AskAsync("/topic whatsapp")).Single<ListCard>().Items[0];
        Assert.Equal("WhatsApp franchit la barre des…", first.Open!.Label);
        Assert.Contains("2020-03-27/3", stories);
    }

    [Theory]
    [InlineData("/topic reseaux", "2020-03-20/3")]
    [InlineData("/topic europe", "2020-03-06/1")]
    [InlineData("/topic influenceur", "2020-03-06/3")]
    [InlineData("/topic INFLUENCER", "2020-03-27/3")]
    [InlineData("/sujet tiktok", "2020-03-13/2")]
    public async Task Topic_ignores_case_accents_elisions_and_plurals(string command, string expected) =>
        Assert.Contains(expected, await StoriesFor(command));

    [Fact]
    public async Task Several_words_narrow_the_result()
    {
        var broad = await StoriesFor("/topic facebook");
        var narrow = await StoriesFor("/topic facebook messenger");

        Assert.True(narrow.Count < broad.Count);
        Assert.Equal("2020-03-20/1", narrow[0]);
    }

    [Fact]
    public async Task Topic_results_page_with_a_more_button()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: ("Commands:PageSize", "2"));
        var first = (await bot.AskAsync("/topic facebook")).Single<ListCard>();
        var second = (await bot.AskAsync(first.Action("Voir plus ▶").Command!, fromButton: true)).Single<ListCard>();

        Assert.Equal(2, first.Items.Count);
        Assert.StartsWith("3–", second.Footer, StringComparison.Ordinal);
        Assert.Empty(first.Items.Select(i => i.Open!.Command).Intersect(second.Items.Select(i => i.Open!.Command)));
    }

    [Fact]
    public async Task Topic_alone_offers_the_frequent_topics_as_buttons()
    {
        var topics = (await _bot.AskAsync("/topic")).Single<ListCard>();

        Assert.Contains(topics.Items, i => i.Open!.Command == "/topic facebook");
        Assert.All(topics.Items, i => Assert.StartsWith("/topic ", i.Open!.Command, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_finds_words_in_the_body_and_says_when_nothing_matches()
    {
        Assert.Equal("2020-03-06/2", (await StoriesFor("/search chiffrement"))[0]);
        Assert.Contains("Aucun article", (await _bot.AskAsync("/search zzzyyyxxx")).NoticeText());
        Assert.Contains("/search", (await _bot.AskAsync("/search")).NoticeText());
        Assert.Contains("Aucun article", (await _bot.AskAsync("/search ((( \" : *")).NoticeText());
    }
}
