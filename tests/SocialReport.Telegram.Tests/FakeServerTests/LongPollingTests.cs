using System.Diagnostics;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class LongPollingTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task Updates_stay_until_an_offset_confirms_them()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var first = fake.SendText(42, 42, "/start");
        var second = fake.SendText(42, 42, "hello");

        var updates = await bot.GetUpdates(timeout: 0);
        Assert.Equal([first.UpdateId, second.UpdateId], updates.Select(u => (long)u.Id));
        Assert.Equal(2, (await bot.GetUpdates(timeout: 0)).Length);

        var confirmedFirst = await bot.GetUpdates(offset: updates[0].Id + 1, timeout: 0);
        Assert.Equal([second.UpdateId], confirmedFirst.Select(u => (long)u.Id));

        Assert.Empty(await bot.GetUpdates(offset: updates[1].Id + 1, timeout: 0));
        Assert.Equal(0, fake.PendingUpdateCount);
    }

    [Fact]
    public async Task A_text_message_arrives_as_Telegram_writes_it()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddUser(7, "Camille", "camille", "fr");
        fake.SendText(-500, 7, "/latest@SocialReportBot please", "group");

        var message = Assert.Single(await TestBot.ClientFor(fake).GetUpdates()).Message!;

        Assert.Equal(1, message.Id);
        Assert.Equal(ChatType.Group, message.Chat.Type);
        Assert.Equal(-500, message.Chat.Id);
        Assert.Equal("camille", message.From!.Username);
        Assert.Equal("fr", message.From.LanguageCode);
        Assert.Equal("/latest@SocialReportBot please", message.Text);
        var command = Assert.Single(message.Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 23), (command.Type, command.Offset, command.Length));
        Assert.InRange(message.Date, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var clock = Stopwatch.StartNew();

        var poll = bot.GetUpdates(timeout: 20);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);
        fake.SendText(42, 42, "/start");

        Assert.Single(await poll);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_long_poll_without_updates_waits_its_timeout()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var clock = Stopwatch.StartNew();

        Assert.Empty(await TestBot.ClientFor(fake).GetUpdates(timeout: 1));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_second_poller_terminates_the_first_with_409()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var first = bot.GetUpdates(timeout: 20);
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") == 1);

        await TestBot.ClientFor(fake).GetUpdates(timeout: 0);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", error.Message);
    }

    [Fact]
    public async Task Allowed_updates_keep_other_types_from_being_created()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        await bot.GetUpdates(timeout: 0, allowedUpdates: [UpdateType.CallbackQuery]);

        var text = fake.SendText(42, 42, "/start");

        Assert.False(text.Queued);
        Assert.Empty(await bot.GetUpdates(timeout: 0));
    }

    [Fact]
    public async Task A_poll_in_flight_when_the_server_stops_is_answered_as_Telegram_does_on_restart()
    {
        var fake = api.Start(TestBot.Quiet);
        var poll = TestBot.ClientFor(fake).GetUpdates(timeout: 20);
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") == 1);

        await fake.DisposeAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => poll);
        Assert.Equal((500, "Internal Server Error: restart"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task The_clients_own_polling_loop_receives_each_update_once()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var received = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var stop = new CancellationTokenSource();
        bot.StartReceiving((_, update, _) => { received.Enqueue(update.Id); return Task.CompletedTask; },
            (_, _, _, _) => Task.CompletedTask, cancellationToken: stop.Token);

        var sent = new[] { fake.SendText(42, 42, "/start"), fake.SendText(43, 43, "/latest") };
        await fake.WaitUntilAsync(() => received.Count == 2);
        var later = fake.SendText(42, 42, "/topic whatsapp");
        await fake.WaitUntilAsync(() => received.Count == 3 && fake.PendingUpdateCount == 0);
        await stop.CancelAsync();

        Assert.Equal([sent[0].UpdateId, sent[1].UpdateId, later.UpdateId], received.Select(id => id));
    }
}
