using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>my_chat_member: blocked, unblocked, added to and removed from groups.</summary>
public class ChatMembershipTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4444;
    private const long Group = -4444;
    private const long GroupAdmin = 7;

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task Blocking_removing_and_coming_back_follow_the_bots_place_in_the_chat(TelegramMode mode)
    {
        await using var bot = await TelegramBotHost.StartAsync(api, mode);
        bot.Fake.AddUser(GroupAdmin, "Alex", "alex", "en");

        await bot.SayAsync(Reader, Reader, "/start", expected: 2);
        Assert.Equal(SubscriptionState.Active, bot.StoredChat(Reader)?.State);

        bot.Fake.ChangeMyChatMember(Reader, "member", "kicked");
        await bot.WaitUntilAsync(() => bot.StoredChat(Reader)?.State == SubscriptionState.Blocked, "the reader to be blocked");

        bot.Fake.ChangeMyChatMember(Reader, "kicked", "member");
        await bot.WaitUntilAsync(() => bot.StoredChat(Reader)?.State == SubscriptionState.Active, "the reader to be back");

        // Added to a group: a greeting in the adder's language, and no subscription until an admin asks.
        var greeting = Assert.Single(await AfterAsync(bot, Group, () => bot.Fake.ChangeMyChatMember(Group, "left", "member", "group", byUserId: GroupAdmin)));
        Assert.Equal("Hello! I post the Social Report, the weekly social media press review. A group admin can subscribe the group with /start; /help lists the commands.", greeting.PlainText);
        Assert.Null(bot.StoredChat(Group));

        // Subscribed, removed (gone), added back (active again, no second greeting).
        bot.Fake.SetAdministrators(Group, GroupAdmin);
        await bot.SayAsync(Group, GroupAdmin, "/start", expected: 2);
        Assert.Equal((SubscriptionState.Active, ChatKind.Group), (bot.StoredChat(Group)?.State, bot.StoredChat(Group)?.Kind));
        bot.Fake.ChangeMyChatMember(Group, "member", "kicked", byUserId: GroupAdmin);
        await bot.WaitUntilAsync(() => bot.StoredChat(Group)?.State == SubscriptionState.Gone, "the group to be gone");
        var sent = bot.Fake.SentTo(Group).Count;
        bot.Fake.ChangeMyChatMember(Group, "kicked", "member", byUserId: GroupAdmin);
        await bot.WaitUntilAsync(() => bot.StoredChat(Group)?.State == SubscriptionState.Active, "the group to be back");
        await bot.SayAsync(Group, GroupAdmin, "/help");
        Assert.Equal(sent + 1, bot.Fake.SentTo(Group).Count);
    }

    private static async Task<IReadOnlyList<BotMessage>> AfterAsync(TelegramBotHost bot, long chatId, Action act)
    {
        var before = bot.Fake.SentTo(chatId).Count;
        act();
        return [.. (await bot.Fake.WaitForSentAsync(chatId, before + 1, TelegramBotHost.Patience)).Skip(before)];
    }
}
