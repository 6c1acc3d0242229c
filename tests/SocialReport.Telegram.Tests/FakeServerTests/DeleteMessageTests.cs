using Microsoft.Extensions.Time.Testing;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public sealed class DeleteMessageTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task The_bot_deletes_its_message_within_48_hours_once_and_not_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var fake = api.Start(TestBot.Quiet with { TimeProvider = clock });
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var early = await bot.SendMessage(42, "early");
        clock.Advance(TimeSpan.FromHours(47));
        var late = await bot.SendMessage(42, "late");
        clock.Advance(TimeSpan.FromHours(2));

        var tooOld = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DeleteMessage(42, early.Id));
        Assert.Equal((400, "Bad Request: message can't be deleted for everyone"), (tooOld.ErrorCode, tooOld.Message));
        await bot.DeleteMessage(42, late.Id);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DeleteMessage(42, late.Id));
        Assert.Equal((400, "Bad Request: message to delete not found"), (again.ErrorCode, again.Message));

        Assert.True(fake.IsInChat(42, early.Id));
        Assert.False(fake.IsInChat(42, late.Id));
        var deleted = Assert.Single(fake.Deleted);
        Assert.Equal((42L, late.Id, clock.GetUtcNow()), (deleted.ChatId, deleted.MessageId, deleted.At));
    }

    [Fact]
    public async Task In_a_channel_only_an_admin_bot_deletes()
    {
        await using var fake = api.Start(TestBot.Quiet);
        const long channel = -100_500;
        fake.AddChat(channel, "channel", "News");
        var bot = TestBot.ClientFor(fake);
        var post = await bot.SendMessage(channel, "post");
        var kept = await bot.SendMessage(channel, "kept");
        await bot.DeleteMessage(channel, post.Id);
        fake.ChangeMyChatMember(channel, "administrator", "member", "channel", byUserId: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DeleteMessage(channel, kept.Id));
        Assert.Equal("Bad Request: message can't be deleted", error.Message);
    }
}
