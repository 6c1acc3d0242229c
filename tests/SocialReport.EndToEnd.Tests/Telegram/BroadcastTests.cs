using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

public sealed class BroadcastTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long FirstReader = 900_000;

    [Fact]
    public async Task Two_hundred_subscribers_with_blocks_429s_and_5xx_each_get_the_edition_exactly_once_within_the_limits()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling,
            new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram },
            settings: new Dictionary<string, string?>
            {
                ["Delivery:RetryBaseDelay"] = "00:00:00.200",
                ["Delivery:RetryMaxDelay"] = "00:00:01",
                // The pace halves at each 429 (the fake's are bot-wide); it comes back faster than by default to keep the test short.
                ["Delivery:Adaptive:QuietPeriod"] = "00:00:01",
                ["Delivery:Adaptive:IncreaseFraction"] = "0.3",
            });
        var random = new Random(6);
        var readers = Enumerable.Range(0, 200).Select(i => FirstReader + i).ToList();
        var blocked = readers.OrderBy(_ => random.Next()).Take(10).ToHashSet();
        var chats = bot.Services.GetRequiredService<IChatStore>();
        TelegramReaders.Subscribe(bot.Fake, chats, readers);
        foreach (var id in readers)
        {
            bot.Fake.AddUser(id, $"Reader {id}", languageCode: "fr");
            if (blocked.Contains(id)) bot.Fake.Block(id);
        }
        foreach (var id in readers.Where(id => !blocked.Contains(id)).OrderBy(_ => random.Next()).Take(4))
            bot.Fake.ThrottleNext(1, retryAfterSeconds: 1, chatId: id, method: "sendMessage");
        foreach (var id in readers.Where(id => !blocked.Contains(id)).OrderBy(_ => random.Next()).Take(10))
            bot.Fake.FailNext(random.Next(1, 3), statusCode: 500 + random.Next(0, 4), chatId: id, method: "sendMessage");

        var plan = Assert.Single(await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-06"));
        Assert.Contains("telegram : 200 privées, 0 groupe, 0 canal ; 0 déjà servie, 200 à envoyer", plan.PlainText);
        var started = await bot.PressAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan, "Confirmer");
        Assert.Contains(started, m => m.PlainText == "Diffusion 2020-03-06#1 lancée.");

        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = await broadcasts.WaitAsync("2020-03-06#1").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");

        Assert.Equal(BroadcastState.Completed, summary!.State);
        foreach (var id in readers)
            Assert.Equal(blocked.Contains(id) ? 0 : 1, bot.Fake.SentTo(id).Count(m => m.Method == "sendMessage"));
        foreach (var id in blocked)
            Assert.Equal(SubscriptionState.Blocked, chats.Get(new ChatKey("telegram", id.ToString(CultureInfo.InvariantCulture)))!.State);
        Assert.DoesNotContain(bot.Fake.LimitViolations, v => v.Kind == RateLimitKind.PerChat);
        var ledger = bot.Services.GetRequiredService<IDeliveryLedger>().Counts("2020-03-06#1");
        Assert.Equal(ledger, summary.Counts);
        Assert.Equal((190, 10, 0, 0), (summary.Sent, summary.Blocked, summary.Failed, summary.Remaining));

        // The editor's status message ends on the summary.
        await bot.WaitUntilAsync(() => bot.Fake.LastSentTo(TelegramBotHost.EditorId)?.PlainText.Contains("terminée", StringComparison.Ordinal) == true, "the summary");
        Assert.Contains("envoyés 190 · échecs 0 · bloqués 10 · restants 0", bot.Fake.LastSentTo(TelegramBotHost.EditorId)!.PlainText);
    }
}
