using System.Diagnostics;
using System.Net;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class FaultTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task A_500_is_an_api_error_for_the_next_call_to_that_chat_only()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        fake.AddChat(43);
        var bot = TestBot.ClientFor(fake);
        fake.FailNext(1, 500, chatId: 42);

        await bot.SendMessage(43, "unaffected");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "Edition"));
        Assert.Equal((500, "Internal Server Error"), (error.ErrorCode, error.Message));
        await bot.SendMessage(42, "Edition");

        Assert.Equal(["unaffected"], fake.SentTo(43).Select(m => m.Text));
        Assert.Equal(["Edition"], fake.SentTo(42).Select(m => m.Text));
    }

    [Fact]
    public async Task A_502_is_nginxs_html_page_which_the_client_reports_as_a_transport_failure()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        fake.FailNext(2, 502, method: "sendMessage");
        var bot = TestBot.ClientFor(fake);

        var error = await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(42, "Edition"));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatusCode);
        await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(42, "Edition"));
        await bot.SendMessage(42, "Edition");
    }

    [Fact]
    public async Task An_injected_429_is_retried_by_the_client_when_within_its_threshold()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        fake.ThrottleNext(1, 1, chatId: 42);
        var clock = Stopwatch.StartNew();

        await TestBot.ClientFor(fake, retryThreshold: 60).SendMessage(42, "Edition");

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.Equal(2, fake.RequestCount("sendMessage"));
        Assert.Equal(1, fake.TooManyRequestsReturned);
        Assert.Empty(fake.LimitViolations);
    }

    [Fact]
    public async Task A_held_call_waits_until_released_and_a_caller_that_gives_up_leaves_nothing_sent()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        fake.AddChat(43);
        var bot = TestBot.ClientFor(fake);
        var abandoned = fake.HoldNext("sendMessage", chatId: 42);
        using (var giveUp = new CancellationTokenSource())
        {
            var call = bot.SendMessage(42, "never", cancellationToken: giveUp.Token);
            await abandoned.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await bot.SendMessage(43, "other chats go on");
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }
        var held = fake.HoldNext("sendMessage", chatId: 42);
        var released = bot.SendMessage(42, "Edition");
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(released.IsCompleted);
        held.Release();
        await released.WaitAsync(TimeSpan.FromSeconds(60));
        await bot.SendMessage(42, "next");
        Assert.Equal(["Edition", "next"], fake.SentTo(42).Select(m => m.Text));
        Assert.Equal(["other chats go on"], fake.SentTo(43).Select(m => m.Text));
    }
}
