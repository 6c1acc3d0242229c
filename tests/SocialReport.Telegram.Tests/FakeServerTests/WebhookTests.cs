using System.Text.Json;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class WebhookTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task Updates_are_posted_with_the_secret_and_retried_after_a_failure()
    {
        await using var fake = api.Start(TestBot.Quiet);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNext(500);
        var bot = TestBot.ClientFor(fake);
        await bot.SetWebhook(receiver.Url, secretToken: "s3cret_-token");

        var sent = fake.SendText(42, 42, "/start");
        await fake.WaitUntilAsync(() => fake.WebhookDeliveries.Any(d => d.Succeeded), what: "a successful delivery");

        Assert.Equal(2, receiver.All.Count);
        Assert.All(receiver.All, r => Assert.Equal("s3cret_-token", r.SecretToken));
        Assert.All(receiver.All, r => Assert.StartsWith("application/json", r.ContentType));
        var updates = receiver.All.Select(r => JsonSerializer.Deserialize<Update>(r.Body, JsonBotAPI.Options)!).ToList();
        Assert.All(updates, u => Assert.Equal(sent.UpdateId, u.Id));
        Assert.Equal("/start", updates[0].Message!.Text);
        Assert.Equal([(1, 500), (2, 200)], fake.WebhookDeliveries.Select(d => (d.Attempt, d.StatusCode ?? 0)));

        var info = await bot.GetWebhookInfo();
        Assert.Equal(receiver.Url, info.Url);
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", info.LastErrorMessage);
    }

    [Fact]
    public async Task Without_a_secret_no_secret_header_is_sent()
    {
        await using var fake = api.Start(TestBot.Quiet);
        await using var receiver = await WebhookReceiver.StartAsync();
        await TestBot.ClientFor(fake).SetWebhook(receiver.Url);

        fake.SendText(42, 42, "/start");
        await fake.WaitUntilAsync(() => receiver.All.Count == 1);

        Assert.Null(receiver.All[0].SecretToken);
        Assert.Null(fake.Webhook!.SecretToken);
    }

    [Fact]
    public async Task GetUpdates_is_refused_while_a_webhook_is_set_and_works_again_after_deleteWebhook()
    {
        await using var fake = api.Start(TestBot.Quiet with { WebhookMaxAttempts = 100 });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNext([.. Enumerable.Repeat(503, 100)]);
        var bot = TestBot.ClientFor(fake);
        await bot.SetWebhook(receiver.Url);
        var update = fake.SendText(42, 42, "/start");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates());
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", error.Message);

        await bot.DeleteWebhook();
        Assert.Null(fake.Webhook);
        Assert.Equal(update.UpdateId, Assert.Single(await bot.GetUpdates()).Id);
    }

    [Fact]
    public async Task SetWebhook_terminates_a_pending_long_poll()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var poll = bot.GetUpdates(timeout: 20);
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") == 1);

        await bot.SetWebhook("http://127.0.0.1:9/unused", dropPendingUpdates: true);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => poll);
        Assert.Equal((409, "Conflict: terminated by setWebhook request"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task SetWebhook_can_drop_pending_updates_and_limit_their_types()
    {
        await using var fake = api.Start(TestBot.Quiet);
        await using var receiver = await WebhookReceiver.StartAsync();
        fake.SendText(42, 42, "sent while the bot was down");

        await TestBot.ClientFor(fake).SetWebhook(receiver.Url, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], dropPendingUpdates: true);
        Assert.Equal(0, fake.PendingUpdateCount);
        Assert.Equal(["callback_query", "message"], fake.Webhook!.AllowedUpdates);

        Assert.False(fake.ChangeMyChatMember(42, "member", "kicked").Queued);
        fake.SendText(42, 42, "/start");
        await fake.WaitUntilAsync(() => fake.PendingUpdateCount == 0 && receiver.All.Count == 1);
        Assert.Contains("/start", receiver.All.Single().Body);
    }

    [Fact]
    public async Task A_repeated_update_arrives_again_with_the_same_id()
    {
        await using var fake = api.Start(TestBot.Quiet);
        await using var receiver = await WebhookReceiver.StartAsync();
        await TestBot.ClientFor(fake).SetWebhook(receiver.Url, secretToken: "x");
        var update = fake.SendText(42, 42, "/latest");
        await fake.WaitUntilAsync(() => receiver.All.Count == 1);

        fake.RepeatUpdate(update.UpdateId);
        await fake.WaitUntilAsync(() => receiver.All.Count == 2);

        Assert.Equal(receiver.All[0].Body, receiver.All[1].Body);
    }

    [Fact]
    public async Task A_failing_chat_does_not_hold_up_the_others_but_its_own_updates_wait_in_order()
    {
        await using var fake = api.Start(TestBot.Quiet with { WebhookRetryDelay = TimeSpan.FromMilliseconds(300) });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNext(500);
        await TestBot.ClientFor(fake).SetWebhook(receiver.Url);

        var first = fake.SendText(42, 42, "one");
        await fake.WaitUntilAsync(() => receiver.All.Count == 1);
        var second = fake.SendText(42, 42, "two");
        var other = fake.SendText(43, 43, "elsewhere");
        await fake.WaitUntilAsync(() => fake.PendingUpdateCount == 0);

        var order = receiver.All.Select(r => JsonSerializer.Deserialize<Update>(r.Body, JsonBotAPI.Options)!.Id).ToList();
        Assert.Equal([first.UpdateId, other.UpdateId, first.UpdateId, second.UpdateId], order.Select(id => (long)id));
    }

    [Fact]
    public async Task A_method_in_the_webhook_answer_is_carried_out()
    {
        await using var fake = api.Start(TestBot.Quiet);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ReplyBody = """{"method":"sendMessage","chat_id":42,"text":"<b>Bienvenue</b>","parse_mode":"HTML"}""";
        await TestBot.ClientFor(fake).SetWebhook(receiver.Url);

        fake.SendText(42, 42, "/start");

        var reply = Assert.Single(await fake.WaitForSentAsync(42));
        Assert.Equal("Bienvenue", reply.PlainText);
    }

    [Fact]
    public async Task SetWebhook_refuses_what_is_not_an_absolute_url()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SetWebhook("not a url"));
        Assert.Equal((400, "Bad Request: invalid webhook URL specified"), (error.ErrorCode, error.Message));
        Assert.Null(fake.Webhook);
    }

    [Fact]
    public async Task SetWebhook_refuses_a_secret_with_characters_Telegram_does_not_allow()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SetWebhook("http://127.0.0.1:9/", secretToken: "no spaces"));
        Assert.Equal("Bad Request: secret token contains unallowed characters", error.Message);
    }

    [Fact]
    public async Task Webhook_calls_can_go_through_an_in_memory_handler()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var handler = new RecordingHandler();
        fake.RouteWebhooksThrough(handler);
        await TestBot.ClientFor(fake).SetWebhook("http://host.test/telegram/webhook", secretToken: "abc");

        var update = fake.SendText(42, 42, "/start");
        await fake.WaitUntilAsync(() => fake.PendingUpdateCount == 0);

        var (Url, Secret, Body) = Assert.Single(handler.Requests);
        Assert.Equal("http://host.test/telegram/webhook", Url);
        Assert.Equal("abc", Secret);
        Assert.Equal(update.UpdateId, JsonSerializer.Deserialize<Update>(Body, JsonBotAPI.Options)!.Id);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(string Url, string? Secret, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var secret = request.Headers.TryGetValues("X-Telegram-Bot-Api-Secret-Token", out var values) ? values.Single() : null;
            Requests.Add((request.RequestUri!.ToString(), secret, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
