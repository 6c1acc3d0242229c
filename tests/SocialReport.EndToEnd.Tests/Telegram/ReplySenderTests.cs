using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Telegram;
using SocialReport.Telegram.Outbound;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>Editing in place: an unchanged page is fine, a message that can't be found gets a new one instead.</summary>
public class ReplySenderTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4848;

    [Fact]
    public async Task Paging_to_the_page_already_shown_changes_nothing_and_a_message_gone_is_replaced_by_a_new_one()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling);
        bot.Fake.AddChat(Reader);
        var replies = bot.Services.GetRequiredService<TelegramReplySender>();
        var client = bot.Services.GetRequiredService<TelegramClients>().ForReplies();
        var cover = Reply.Of(CardFactory.Cover(bot.Services.GetRequiredService<IEditionArchive>().Latest()!, "fr")) with { EditsOriginal = true };

        await replies.SendAsync(client, Reader, cover, null, default);
        var shown = Assert.Single(bot.Fake.SentTo(Reader));
        await replies.SendAsync(client, Reader, cover, shown.MessageId, default);
        Assert.Single(bot.Fake.SentTo(Reader));

        await replies.SendAsync(client, Reader, cover, 999, default);
        var sent = bot.Fake.SentTo(Reader);
        Assert.Equal(["sendMessage", "sendMessage"], sent.Select(m => m.Method));
        Assert.Equal(shown.PlainText, sent[1].PlainText);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= LogLevel.Warning && l.Category.StartsWith("SocialReport", StringComparison.Ordinal));
    }
}
