using Microsoft.Extensions.Time.Testing;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class RateLimitTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 6, 8, 0, 0, TimeSpan.Zero));

    private FakeTelegramOptions Limits(FakeRateLimits limits) => new() { TimeProvider = _time, RateLimits = limits };

    [Fact]
    public async Task A_fourth_message_to_one_chat_within_three_seconds_gets_429_with_retry_after()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Telegram));
        fake.AddChat(42);
        fake.AddChat(43);
        var bot = TestBot.ClientFor(fake);
        for (var i = 0; i < 3; i++) await bot.SendMessage(42, $"part {i}");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "part 3"));

        Assert.Equal((429, "Too Many Requests: retry after 3", 3), (error.ErrorCode, error.Message, error.Parameters!.RetryAfter));
        var violation = Assert.Single(fake.LimitViolations);
        Assert.Equal((RateLimitKind.PerChat, 42L, "sendMessage", 3), (violation.Kind, violation.ChatId, violation.Method, violation.RetryAfter));
        Assert.Equal(1, fake.TooManyRequestsReturned);
        Assert.Equal(3, fake.SentTo(42).Count);

        await bot.SendMessage(43, "another chat is not held up");
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, (await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "part 3"))).Parameters!.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(42, "part 3, once retry_after has passed");
    }

    [Fact]
    public async Task One_message_a_second_is_fine_for_a_chat_but_a_group_takes_twenty_a_minute()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Telegram));
        fake.AddChat(-500, "group");
        var bot = TestBot.ClientFor(fake);
        for (var i = 0; i < 20; i++)
        {
            await bot.SendMessage(-500, $"story {i}");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(-500, "story 20"));

        Assert.Equal(40, error.Parameters!.RetryAfter);
        Assert.Equal(RateLimitKind.PerGroup, Assert.Single(fake.LimitViolations).Kind);
    }

    [Fact]
    public async Task The_bot_as_a_whole_sends_thirty_messages_a_second()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Telegram));
        var bot = TestBot.ClientFor(fake);
        for (var chat = 1; chat <= 31; chat++) fake.AddChat(chat);
        for (var chat = 1; chat <= 30; chat++) await bot.SendMessage(chat, "Edition");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(31, "Edition"));

        Assert.Equal(1, error.Parameters!.RetryAfter);
        Assert.Equal((RateLimitKind.Overall, 31L), (fake.LimitViolations.Single().Kind, fake.LimitViolations.Single().ChatId));
    }

    [Fact]
    public async Task Paid_broadcasts_go_past_thirty_a_second_up_to_their_own_limit()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Telegram with { PaidOverall = new RateLimit(40, TimeSpan.FromSeconds(1)) }));
        var bot = TestBot.ClientFor(fake);
        for (var chat = 1; chat <= 72; chat++) fake.AddChat(chat);
        for (var chat = 1; chat <= 30; chat++) await bot.SendMessage(chat, "Edition");
        for (var chat = 31; chat <= 70; chat++) await bot.SendMessage(chat, "Edition", allowPaidBroadcast: true);

        var paidError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(71, "Edition", allowPaidBroadcast: true));
        var freeError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(72, "Edition"));

        Assert.Equal((429, 429), (paidError.ErrorCode, freeError.ErrorCode));
        Assert.Equal(40, fake.AllSent.Count(m => m.PaidBroadcast));
        Assert.Equal(30, fake.AllSent.Count(m => !m.PaidBroadcast));
    }

    [Fact]
    public async Task Edits_count_against_the_chat_limit_unless_told_otherwise()
    {
        var oneASecond = new FakeRateLimits { PerChat = new RateLimit(1, TimeSpan.FromSeconds(1)) };
        await using var strict = api.Start(Limits(oneASecond));
        await using var lenient = api.Start(Limits(oneASecond with { CountEdits = false }));
        foreach (var fake in new[] { strict, lenient })
        {
            fake.AddChat(42);
            var bot = TestBot.ClientFor(fake);
            var sent = await bot.SendMessage(42, "Cover");
            Task<Message> edit() => bot.EditMessageText(42, sent.Id, "Story 1");
            if (fake == strict) Assert.Equal(429, (await Assert.ThrowsAsync<ApiRequestException>((Func<Task<Message>>)edit)).ErrorCode);
            else await edit();
        }
    }

    [Fact]
    public async Task Record_only_delivers_but_keeps_every_violation()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Telegram with { Mode = RateLimitMode.RecordOnly }));
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);

        for (var i = 0; i < 5; i++) await bot.SendMessage(42, $"part {i}");

        Assert.Equal(5, fake.SentTo(42).Count);
        Assert.Equal(2, fake.LimitViolations.Count(v => v.Kind == RateLimitKind.PerChat));
        Assert.Equal(0, fake.TooManyRequestsReturned);
    }

    [Fact]
    public async Task Limits_off_never_refuse()
    {
        await using var fake = api.Start(Limits(FakeRateLimits.Off));
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);

        for (var i = 0; i < 40; i++) await bot.SendMessage(42, $"part {i}");

        Assert.Empty(fake.LimitViolations);
    }
}
