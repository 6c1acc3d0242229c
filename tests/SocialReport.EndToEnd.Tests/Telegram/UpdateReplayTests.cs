using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>
/// An update Telegram was told arrived (the webhook's 200, a polling offset moved past it) is handled even when the
/// host stops or dies before handling it: the next host on the same file handles it at start-up. The reply is held at
/// the fake, so the first host is caught mid-way, and the update is never delivered again by Telegram.
/// </summary>
public sealed class UpdateReplayTests(FakeBotApi api) : IClassFixture<FakeBotApi>, IDisposable
{
    private const long Reader = 4747;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();

    private string Database => _directory.DatabaseFile;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_webhook_update_answered_200_then_interrupted_by_the_host_stopping_is_handled_by_the_next_host()
    {
        await using var fake = api.Start(new FakeTelegramOptions
        {
            RateLimits = FakeRateLimits.Off,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        fake.AddChat(Reader);
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = Database };
        var reply = fake.HoldNext("sendMessage", Reader);
        FakeUpdate update;
        await using (var first = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, settings: settings, fake: fake))
        {
            update = fake.SendText(Reader, Reader, "/latest");
            await reply.Reached.WaitAsync(Patience);
            await fake.WaitUntilAsync(() => fake.WebhookDeliveries.Any(d => d.UpdateId == update.UpdateId && d.Succeeded), Patience, "the webhook's 200");
        }
        Assert.Empty(fake.SentTo(Reader));

        await using var second = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, publishSeed: false, settings: settings, fake: fake);

        var sent = Assert.Single(await fake.WaitForSentAsync(Reader, 1, Patience));
        Assert.StartsWith("Social Report · 6 mars 2020", sent.PlainText, StringComparison.Ordinal);
        Assert.Single(fake.WebhookDeliveries, d => d.UpdateId == update.UpdateId);
    }

    [Fact]
    public async Task A_confirm_answered_200_then_interrupted_by_the_host_stopping_starts_the_broadcast_in_the_next_host()
    {
        await using var fake = api.Start(new FakeTelegramOptions
        {
            RateLimits = FakeRateLimits.Off,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        long[] readers = [900_001, 900_002, 900_003];
        TelegramHostProcess.Subscribe(fake, Database, readers);
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = Database };
        FakeUpdate press;
        await using (var first = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, settings: settings, fake: fake))
        {
            var plan = Assert.Single(await first.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-06"));
            var answer = fake.HoldNext("answerCallbackQuery");
            press = fake.PressButton(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan.MessageId, plan.AllButtons.Single(b => b.Text == "Confirmer").CallbackData!);
            await answer.Reached.WaitAsync(Patience);
            await fake.WaitUntilAsync(() => fake.WebhookDeliveries.Any(d => d.UpdateId == press.UpdateId && d.Succeeded), Patience, "the webhook's 200");
        }
        Assert.All(readers, reader => Assert.Empty(fake.SentTo(reader)));

        await using var second = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, publishSeed: false, settings: settings, fake: fake);

        await fake.WaitUntilAsync(() => readers.All(reader => fake.SentTo(reader).Count > 0), Patience, "every reader served");
        Assert.Contains(fake.SentTo(TelegramBotHost.EditorId), m => m.PlainText.Contains("Diffusion 2020-03-06#1 lancée", StringComparison.Ordinal));
        Assert.Single(fake.WebhookDeliveries, d => d.UpdateId == press.UpdateId);
    }

    [Fact]
    public async Task A_polled_update_whose_offset_was_confirmed_is_handled_by_the_next_host_after_a_kill()
    {
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off });
        fake.AddUser(TelegramBotHost.EditorId, "Ambre", "ambre", "fr");
        fake.AddChat(TelegramBotHost.EditorId);
        fake.AddChat(Reader);
        var reply = fake.HoldNext("sendMessage", Reader);
        using (var first = await TelegramHostProcess.StartAsync(fake, Database, TelegramBotHost.EditorId))
        {
            try
            {
                await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") > 0, Patience, "the host to start polling");
                fake.SendText(Reader, Reader, "/latest");
                await reply.Reached.WaitAsync(Patience);
                await fake.WaitUntilAsync(() => fake.PendingUpdateCount == 0, Patience, "the offset confirmed past the update");
            }
            finally
            {
                await first.StopAsync();
            }
        }
        Assert.Empty(fake.SentTo(Reader));

        using var second = await TelegramHostProcess.StartAsync(fake, Database, TelegramBotHost.EditorId);
        try
        {
            var sent = Assert.Single(await fake.WaitForSentAsync(Reader, 1, Patience));
            // The first host listened, so it had seeded every edition of editions/: the newest is the latest.
            Assert.StartsWith("The Social Report · 27 mars 2020", sent.PlainText, StringComparison.Ordinal);
        }
        finally
        {
            await second.StopAsync();
        }
    }
}
