using Microsoft.AspNetCore.Http;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;
using SocialReport.Host.Tests.Commands;
using SocialReport.Host.Web;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Telegram.Inbound;
using SocialReport.Telegram.Protocol;
using Telegram.Bot.Types.Enums;
using TelegramChat = Telegram.Bot.Types.Chat;
using TelegramUser = Telegram.Bot.Types.User;

namespace SocialReport.Host.Tests;

/// <summary>
/// Telegram, Teams and the web chat each hand the engine the user's language the way their platform gives it
/// (<c>language_code</c>, <c>locale</c>, <c>Accept-Language</c>); for the same choice and the same language, all
/// three answer in the same one.
/// </summary>
public sealed class LanguagePickTests
{
    public static TheoryData<string?, string?, string> Cases() => new()
    {
        { null, null, "fr" },
        { null, "en", "en" },
        { null, "en-GB", "en" },
        { null, "fr-FR", "fr" },
        { null, "de", "fr" },
        { "fr", "en-US", "fr" },
        { "en", "fr", "en" },
    };

    [Fact]
    public async Task Telegram_Teams_and_web_answer_in_the_same_language_for_the_same_inputs()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var subscriptions = new Subscriptions(bot.Chats, TimeProvider.System);
        var number = 0;
        foreach (var (chosen, hint, expected) in Cases().Select(row => ((string?)row[0], (string?)row[1], (string)row[2]!)))
        {
            number++;
            Inbound[] inbounds = [FromTelegram(number, hint), FromTeams(number, hint), FromWeb(number, hint)];
            var languages = new List<string>();
            foreach (var inbound in inbounds)
            {
                if (chosen is not null)
                    subscriptions.SetLanguage(inbound.Chat, inbound.ChatKind, chosen);
                var reply = await bot.Engine.HandleAsync(inbound, CancellationToken.None);
                languages.Add(reply.Single<Core.Cards.NoticeCard>().Language);
            }
            Assert.All(languages, language => Assert.Equal(expected, language));
            Assert.Equal(expected, Languages.Pick(chosen, hint));
        }
    }

    private static Inbound FromTelegram(int number, string? hint)
    {
        var user = new TelegramUser { Id = 1000 + number, FirstName = "Ambre", LanguageCode = hint };
        var chat = new TelegramChat { Id = user.Id, Type = ChatType.Private };
        return TelegramUpdateHandler.InboundFrom(chat, TelegramChats.SenderOf(user), "/nothing");
    }

    private static Inbound FromTeams(int number, string? hint) => TeamsActivityParser.ToInbound(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = $"29:reader-{number}", Name = "Ambre" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Social Report" },
        Conversation = new ConversationAccount { Id = $"a:personal-{number}", ConversationType = "personal" },
        Text = "/nothing",
        Locale = hint,
    })!;

    private static Inbound FromWeb(int number, string? hint)
    {
        var http = new DefaultHttpContext().Request;
        if (hint is not null)
            http.Headers.AcceptLanguage = $"{hint}, fr;q=0.5";
        return ChatEndpoints.InboundOf($"visitor-session-{number:D8}", "/nothing", fromButton: false, http);
    }
}
