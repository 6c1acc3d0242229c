using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>Readers who follow topics, through a broadcast to the fake Bot API.</summary>
public sealed class FollowBroadcastTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Follower = 910_001;
    private const long Everything = 910_002;

    [Fact]
    public async Task A_reader_following_whatsapp_in_topics_mode_gets_the_whatsapp_story_alone_on_the_cover_and_nothing_of_an_edition_without_it()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling);
        bot.Publish(Path.Combine(RepositoryFiles.Editions, "2020-03-13-social-report.md"));
        foreach (var id in new[] { Follower, Everything }) bot.Fake.AddUser(id, $"Reader {id}", languageCode: "fr");
        TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<Core.Readers.IChatStore>(), [Follower, Everything]);
        Assert.Contains("Vous suivez « whatsapp »", Assert.Single(await bot.SayAsync(Follower, Follower, "/suivre whatsapp")).PlainText);
        Assert.Contains("Mode : sujets", Assert.Single(await bot.SayAsync(Follower, Follower, "/mode sujets")).PlainText);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();

        var plan = Assert.Single(await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-06"));
        Assert.Contains("2 à envoyer", plan.PlainText);
        Assert.Contains("telegram : 1 conversation abonnée (toute l’édition), 1 conversation abonnée (leurs sujets), 0 conversation abonnée (aucun de leurs sujets, rien à envoyer)", plan.PlainText);
        await bot.PressAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan, "Confirmer");
        Assert.Equal((BroadcastState.Completed, 2), await SentAsync(broadcasts, "2020-03-06#1"));

        var cover = Assert.Single(bot.Fake.SentTo(Follower), m => m.Method == "sendMessage" && m.PlainText.Contains("6 mars 2020", StringComparison.Ordinal));
        Assert.Contains("★ 2. WhatsApp franchit la barre des 2 milliards d’utilisateurs", cover.PlainText);
        Assert.DoesNotContain("1. L’Europe", cover.PlainText);
        Assert.Contains("Sur les sujets que vous suivez : 1 article sur 4.", cover.PlainText);
        Assert.EndsWith("Pour ne plus recevoir le Social Report : /stop", cover.PlainText);
        Assert.Equal(["2", "Toute l’édition (4 articles)"], cover.AllButtons.Where(b => b.CallbackData is not null).Select(b => b.Text));
        var whole = await bot.PressAsync(Follower, Follower, cover, "Toute l’édition (4 articles)");
        Assert.Contains("1. L’Europe", whole[^1].PlainText);

        var full = Assert.Single(bot.Fake.SentTo(Everything), m => m.Method == "sendMessage");
        Assert.Contains("1. L’Europe", full.PlainText);
        Assert.Contains("2. WhatsApp franchit", full.PlainText);
        Assert.DoesNotContain("★", full.PlainText);
        Assert.EndsWith("Pour ne plus recevoir le Social Report : /stop", full.PlainText);

        var before = bot.Fake.SentTo(Follower).Count;
        plan = Assert.Single(await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-13"));
        Assert.Contains("0 conversation abonnée (leurs sujets), 1 conversation abonnée (aucun de leurs sujets, rien à envoyer)", plan.PlainText);
        Assert.Contains("1 à envoyer", plan.PlainText);
        await bot.PressAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan, "Confirmer");
        Assert.Equal((BroadcastState.Completed, 1), await SentAsync(broadcasts, "2020-03-13#1"));
        Assert.Equal(before, bot.Fake.SentTo(Follower).Count);
        Assert.Equal(2, bot.Fake.SentTo(Everything).Count(m => m.Method == "sendMessage"));
    }

    private static async Task<(BroadcastState, int)> SentAsync(BroadcastService broadcasts, string id)
    {
        var summary = await broadcasts.WaitAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        return (summary!.State, summary.Sent);
    }
}
