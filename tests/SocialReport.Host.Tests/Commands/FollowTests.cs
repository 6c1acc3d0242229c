using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Commands;

/// <summary>/follow, /unfollow, /following and /mode through the real command engine, index and store.</summary>
public sealed class FollowTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Chat? ChatOf(string who) => _bot.Chats.Get(new ChatKey("console", who));

    [Fact]
    public async Task Follow_stores_the_topic_once_however_it_is_spelt_and_unfollow_drops_it()
    {
        Assert.Contains("Vous suivez « WhatsApp »", (await _bot.AskAsync("/follow WhatsApp", "ana")).NoticeText());
        Assert.Contains("déjà", (await _bot.AskAsync("/suivre whatsapp", "ana")).NoticeText());
        Assert.Contains("Vous suivez « réseaux sociaux »", (await _bot.AskAsync("/suivre   #réseaux   sociaux ", "ana")).NoticeText());
        Assert.Contains("déjà", (await _bot.AskAsync("/follow Reseau Social", "ana")).NoticeText());
        Assert.Equal(["WhatsApp", "réseaux sociaux"], ChatOf("ana")!.Topics);

        Assert.Contains("ne suivez plus « WhatsApp »", (await _bot.AskAsync("/unfollow whatsapp", "ana")).NoticeText());
        Assert.Contains("ne suivez pas « whatsapp »", (await _bot.AskAsync("/neplussuivre whatsapp", "ana")).NoticeText());
        Assert.Equal(["réseaux sociaux"], ChatOf("ana")!.Topics);
    }

    [Fact]
    public async Task Empty_stop_words_too_long_and_too_many_topics_get_a_clear_answer_and_store_nothing()
    {
        Assert.Contains("/suivre whatsapp", (await _bot.AskAsync("/follow", "bo")).NoticeText());
        Assert.Contains("n’est pas un sujet", (await _bot.AskAsync("/follow le la !!", "bo")).NoticeText());
        Assert.Contains("60 caractères", (await _bot.AskAsync("/follow " + new string('x', 61), "bo")).NoticeText());
        Assert.Contains("60 caractères", (await _bot.AskAsync("/follow " + new string('x', 5000), "bo")).NoticeText());
        Assert.Contains("/neplussuivre whatsapp", (await _bot.AskAsync("/unfollow", "bo")).NoticeText());
        Assert.Null(ChatOf("bo"));

        // A topic no story is about yet is followed all the same, and the reply says so.
        Assert.Contains("Aucun article n’en parle encore", (await _bot.AskAsync("/follow mastodon", "bo")).NoticeText());
        for (var i = 1; i < Following.MaxTopics; i++) await _bot.AskAsync($"/follow sujet{i}", "bo");
        Assert.Equal(Following.MaxTopics, ChatOf("bo")!.Topics.Count);
        Assert.Contains("20 sujets, le maximum", (await _bot.AskAsync("/follow whatsapp", "bo")).NoticeText());
        Assert.Equal(Following.MaxTopics, ChatOf("bo")!.Topics.Count);
    }

    [Fact]
    public async Task Following_lists_the_topics_with_a_button_that_drops_each()
    {
        Assert.Contains("aucun sujet", (await _bot.AskAsync("/following", "cy")).NoticeText());
        await _bot.AskAsync("/follow whatsapp", "cy");
        await _bot.AskAsync("/follow influence", "cy");

        var list = (await _bot.AskAsync("/suivis", "cy")).Single<ListCard>();
        Assert.Equal(["whatsapp", "influence"], list.Items.Select(i => i.Text));
        Assert.Contains("Mode : tout", list.Footer);
        var drop = list.Action("✕ whatsapp");

        Assert.Contains("ne suivez plus « whatsapp »", (await _bot.AskAsync(drop.Command!, "cy", fromButton: true)).NoticeText());
        Assert.Equal(["influence"], ChatOf("cy")!.Topics);
    }

    [Fact]
    public async Task Mode_switches_between_all_and_topics_in_either_language()
    {
        Assert.Contains("Mode actuel : tout", (await _bot.AskAsync("/mode", "di")).NoticeText());
        Assert.Contains("vous ne recevrez donc rien", (await _bot.AskAsync("/mode sujets", "di")).NoticeText());
        Assert.Equal(TopicMode.Topics, ChatOf("di")!.Mode);
        Assert.Contains("Mode : tout", (await _bot.AskAsync("/mode all", "di")).NoticeText());
        await _bot.AskAsync("/follow whatsapp", "di");
        Assert.Equal("Mode : sujets (seulement les éditions qui parlent de vos sujets).", (await _bot.AskAsync("/mode topics", "di")).NoticeText());
        Assert.Equal(TopicMode.Topics, ChatOf("di")!.Mode);
        Assert.Contains("/mode tout ou /mode sujets", (await _bot.AskAsync("/mode sometimes", "di")).NoticeText());
        Assert.Equal(TopicMode.Topics, ChatOf("di")!.Mode);
    }

    [Fact]
    public async Task A_followed_topic_matches_the_stories_topic_finds_in_each_edition()
    {
        await _bot.AskAsync("/follow whatsapp", "ed");
        await _bot.AskAsync("/mode sujets", "ed");
        var following = _bot.Services.GetRequiredService<Following>();
        var archive = _bot.Services.GetRequiredService<IEditionArchive>();
        var chat = ChatOf("ed")!;

        var withIt = following.Cut(chat, archive.Get("2020-03-06")!);
        var topicFinds = (await _bot.AskAsync("/topic whatsapp", "ed")).Single<ListCard>().Items.Where(i => i.Detail == "6 mars 2020");
        Assert.Equal(topicFinds.Count(), withIt.Followed.Count);
        Assert.Contains(2, withIt.Followed);
        Assert.True(following.Cut(chat, archive.Get("2020-03-13")!).IsEmpty);

        var cover = CardFactory.Broadcast(withIt, "fr");
        Assert.Equal(withIt.Followed, cover.Headlines.Select(h => h.Number));
        Assert.All(cover.Headlines, h => Assert.True(h.Followed));
        Assert.Contains(cover.AllActions(), a => a.Command == CardCommands.Cover("2020-03-06") && a.Label == "Toute l’édition (4 articles)");
        Assert.Equal("Pour ne plus recevoir le Social Report : /stop", cover.Leave);
    }

    [Fact]
    public async Task In_a_group_only_its_admins_change_its_topics()
    {
        var group = new ChatKey("console", "-200");
        Assert.Contains("administrateurs", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/follow whatsapp")).NoticeText());
        Assert.Contains("administrateurs", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/mode sujets")).NoticeText());
        Assert.Null(_bot.Chats.Get(group));
        Assert.Contains("aucun sujet", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/following")).NoticeText());
    }

    [Fact]
    public async Task Help_lists_the_new_commands()
    {
        var help = (await _bot.AskAsync("/help", "fy")).Single<NoticeCard>().Text;
        Assert.Contains("/follow — suivre un sujet", help);
        Assert.Contains("/mode — /mode tout", help);
    }
}
