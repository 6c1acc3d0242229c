using System.Net;
using Microsoft.Extensions.Logging;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>Starting without a token, and riding out Bot API failures without leaking the token.</summary>
public class AdapterLifecycleTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4747;

    [Fact]
    public async Task Without_a_token_the_host_runs_and_says_once_that_Telegram_is_off()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, publishSeed: false,
            settings: new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Telegram:WebhookUrl"] = null, ["Telegram:WebhookSecret"] = null });
        using var http = bot.Factory.CreateClient();

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/telegram/webhook", new StringContent("{}"))).StatusCode);
        await Task.Delay(200);
        var telegramLines = bot.Logs.Lines.Where(l => l.Category.StartsWith("SocialReport.Telegram", StringComparison.Ordinal)).ToList();
        Assert.Equal((LogLevel.Information, "Telegram adapter off: no Telegram:BotToken configured"), Assert.Single(telegramLines) is var line ? (line.Level, line.Text) : default);
        Assert.Empty(bot.Fake.RequestCounts);
    }

    [Fact]
    public async Task Bot_API_failures_are_logged_without_the_token_and_the_bot_carries_on()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling);
        bot.Fake.AddChat(Reader);

        bot.Fake.FailNext(1, 502, method: "getUpdates");
        bot.Fake.FailNext(1, 500, chatId: Reader, method: "sendMessage");
        bot.Fake.SendText(Reader, Reader, "/latest");
        await bot.Fake.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Text.Contains("failed to deliver", StringComparison.Ordinal)), TelegramBotHost.Patience, "the failed reply to be logged");

        Assert.StartsWith("Commandes", Assert.Single(await bot.SayAsync(Reader, Reader, "/help")).PlainText);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.StartsWith("Telegram getUpdates failed", StringComparison.Ordinal));
        SecretsAssert.NotLogged(bot);
    }
}
