using System.Net;
using System.Net.Http.Json;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>The webhook endpoint: the secret, repeats, and answering before the work is done.</summary>
public class WebhookTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4646;

    [Fact]
    public async Task The_bot_registers_its_webhook_with_the_secret_and_the_update_types_it_handles()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook);

        var hook = bot.Fake.Webhook!;
        Assert.Equal((TelegramBotHost.WebhookUrl, TelegramBotHost.WebhookSecret), (hook.Url, hook.SecretToken));
        Assert.Equal(["callback_query", "message", "my_chat_member"], hook.AllowedUpdates);
        Assert.Equal(0, bot.Fake.RequestCount("getUpdates"));
    }

    [Fact]
    public async Task A_repeated_update_is_handled_once()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook);
        bot.Fake.AddChat(Reader);
        var update = bot.Fake.SendText(Reader, Reader, "/latest");
        await bot.Fake.WaitForSentAsync(Reader, 1, TelegramBotHost.Patience);

        bot.Fake.RepeatUpdate(update.UpdateId);
        await bot.WaitUntilAsync(() => bot.Fake.WebhookDeliveries.Count(d => d.UpdateId == update.UpdateId && d.Succeeded) == 2, "the second delivery");
        await bot.SayAsync(Reader, Reader, "/help");

        Assert.Equal(["Social Report · 6 mars 2020", "Commandes"], bot.Fake.SentTo(Reader).Select(m => m.PlainText.Split('\n')[0]));
    }

    [Fact]
    public async Task A_call_without_the_right_secret_is_refused_and_not_handled()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook);
        bot.Fake.AddChat(Reader);
        using var http = bot.Factory.CreateClient();
        var update = new
        {
            update_id = 1,
            message = new { message_id = 1, date = 1583452800, chat = new { id = Reader, type = "private" }, from = new { id = Reader, is_bot = false, first_name = "Eve" }, text = "/start" },
        };

        var missing = await http.PostAsJsonAsync("/telegram/webhook", update);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = JsonContent.Create(update) };
        wrong.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramBotHost.WebhookSecret + "x");
        var wrongAnswer = await http.SendAsync(wrong);
        using var garbage = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        garbage.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramBotHost.WebhookSecret);
        var garbageAnswer = await http.SendAsync(garbage);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbageAnswer.StatusCode);
        // A genuine update from the same chat is handled after them: had they been queued, they would come first.
        Assert.StartsWith("Commandes", Assert.Single(await bot.SayAsync(Reader, Reader, "/help")).PlainText);
        Assert.Null(bot.StoredChat(Reader));
    }
}
