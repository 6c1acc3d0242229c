using System.Net;
using System.Text.Json.Nodes;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class GetMeTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task GetMe_returns_the_bot_the_token_names()
    {
        await using var fake = api.Start(new FakeTelegramOptions { Token = "5551234:secret-token_x", BotUsername = "ReportBot" });
        var me = await TestBot.ClientFor(fake).GetMe();

        Assert.Equal(5551234, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("ReportBot", me.Username);
        Assert.Equal(1, fake.RequestCount("getMe"));
    }

    [Fact]
    public async Task Another_token_is_unauthorized()
    {
        await using var fake = api.Start();
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("42:not-the-token", fake.BaseUrl));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());
        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
        Assert.False(await stranger.TestApi());
    }

    [Fact]
    public async Task Errors_are_Telegram_json_with_the_code_as_http_status()
    {
        await using var fake = api.Start(TestBot.Quiet);
        using var http = new HttpClient();

        var malformed = await http.PostAsync($"{fake.BaseUrl}/botnot-a-token/getMe", null);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", await malformed.Content.ReadAsStringAsync());

        var unknownMethod = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/sendTelepathy", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownMethod.StatusCode);
        Assert.Equal("Not Found: method not found", JsonNode.Parse(await unknownMethod.Content.ReadAsStringAsync())!["description"]!.GetValue<string>());

        fake.ThrottleNext(1, 7, method: "getMe");
        var throttled = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/getMe", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""",
            await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_bodies_and_case_insensitive_method_names_are_accepted_as_Telegram_does()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        using var http = new HttpClient();

        var response = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/SENDMESSAGE",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "42", ["text"] = "<i>hi</i>", ["parse_mode"] = "HTML" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal("hi", body["result"]!["text"]!.GetValue<string>());
        Assert.Equal("italic", body["result"]!["entities"]![0]!["type"]!.GetValue<string>());
    }
}
