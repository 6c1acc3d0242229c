using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>A reader's whole session, the same in both receiving modes.</summary>
public class ReaderSessionTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4242;

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task A_reader_subscribes_pages_through_the_edition_and_searches(TelegramMode mode)
    {
        await using var bot = await TelegramBotHost.StartAsync(api, mode);
        bot.Fake.AddUser(Reader, "Camille", "camille", "fr");

        // /start: subscribed, welcomed, and shown the latest edition.
        var start = await bot.SayAsync(Reader, Reader, "/start", expected: 2);
        Assert.StartsWith("Bienvenue", start[0].PlainText);
        Assert.StartsWith("Social Report · 6 mars 2020", start[1].PlainText);
        Assert.Equal(SubscriptionState.Active, bot.StoredChat(Reader)?.State);
        Assert.Equal(ChatKind.Private, bot.StoredChat(Reader)?.Kind);

        // /latest, then the pager: every story in turn, in the same message.
        var cover = Assert.Single(await bot.SayAsync(Reader, Reader, "/latest"));
        Assert.Equal(("sendMessage", "Social Report · 6 mars 2020"), (cover.Method, cover.PlainText[..27]));
        Assert.Contains("\"is_disabled\":true", cover.LinkPreviewOptionsJson);
        var page = Assert.Single(await bot.PressAsync(Reader, Reader, cover, "1"));
        for (var number = 1; number <= 4; number++)
        {
            Assert.Equal(("editMessageText", cover.MessageId), (page.Method, page.MessageId));
            Assert.StartsWith($"{number}/4 · ", page.PlainText);
            if (number < 4) page = Assert.Single(await bot.PressAsync(Reader, Reader, page, $"{number + 1} ▶"));
        }
        Assert.Contains("Dior", page.PlainText);
        var back = Assert.Single(await bot.PressAsync(Reader, Reader, page, "◀ 3"));
        Assert.Equal((cover.MessageId, true), (back.MessageId, back.PlainText.StartsWith("3/4 · ", StringComparison.Ordinal)));
        var contents = Assert.Single(await bot.PressAsync(Reader, Reader, back, "Sommaire"));
        Assert.Equal((cover.MessageId, cover.PlainText), (contents.MessageId, contents.PlainText));
        Assert.Equal(6, bot.Fake.CallbackAnswers.Count);

        // "Article complet" sends the full text as new messages under the pager.
        var whatsapp = Assert.Single(await bot.PressAsync(Reader, Reader, contents, "2"));
        var full = await bot.PressAsync(Reader, Reader, whatsapp, "Article complet");
        Assert.All(full, m => Assert.Equal("sendMessage", m.Method));
        Assert.All(full, m => Assert.NotEqual(cover.MessageId, m.MessageId));
        Assert.StartsWith("WhatsApp franchit la barre des 2 milliards d’utilisateurs", full[0].PlainText);
        Assert.Contains("A bon entendeur", string.Join("\n", bot.Fake.SentTo(Reader).Skip(full.Count).Select(m => m.PlainText)) + full[^1].PlainText);

        // /topic whatsapp: the WhatsApp story first, with a button to open it.
        var topic = Assert.Single(await bot.SayAsync(Reader, Reader, "/topic whatsapp"));
        Assert.StartsWith("Sujet : whatsapp\n\n1. WhatsApp franchit la barre des 2 milliards d’utilisateurs", topic.PlainText);
        Assert.Equal("/read 2020-03-06/2", topic.AllButtons.First().CallbackData);

        // /archive lists the edition; its button opens the cover.
        var archive = Assert.Single(await bot.SayAsync(Reader, Reader, "/archive"));
        Assert.StartsWith("Éditions passées\n\n1. n° 1 · Social Report", archive.PlainText);
        Assert.Equal("/cover 2020-03-06", archive.AllButtons.Single().CallbackData);

        // Nothing the bot sent was refused, and neither the token nor the webhook secret was ever logged.
        Assert.Equal(0, bot.Fake.TooManyRequestsReturned);
        SecretsAssert.NotLogged(bot);
    }
}
