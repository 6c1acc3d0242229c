using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class ChatTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Channel = -1001234567890;

    [Fact]
    public async Task Channel_members_and_administrators_are_reported()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(Channel, "channel", "The Social Report", "socialreport");
        fake.AddUser(7, "Editor");
        fake.AddUser(8, "Reader");
        fake.SetAdministrators(Channel, 7);
        var bot = TestBot.ClientFor(fake);

        Assert.Equal(ChatMemberStatus.Administrator, (await bot.GetChatMember("@socialreport", 7)).Status);
        Assert.Equal(ChatMemberStatus.Left, (await bot.GetChatMember(Channel, 8)).Status);
        Assert.Equal(ChatMemberStatus.Administrator, (await bot.GetChatMember(Channel, fake.Bot.Id)).Status);
        Assert.Equal([7, fake.Bot.Id], (await bot.GetChatAdministrators("@SocialReport")).Select(m => m.User.Id));

        var chat = await bot.GetChat("@socialreport");
        Assert.Equal((Channel, ChatType.Channel, "The Social Report", "socialreport"), (chat.Id, chat.Type, chat.Title, chat.Username));

        var stranger = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetChatMember(Channel, 999));
        Assert.Equal("Bad Request: user not found", stranger.Message);
        var nowhere = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetChat("@nowhere"));
        Assert.Equal("Bad Request: chat not found", nowhere.Message);
    }

    [Fact]
    public async Task A_reader_who_blocked_the_bot_answers_403_until_unblocked()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.SendText(42, 42, "/start");

        fake.Block(42);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "Edition"));
        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (error.ErrorCode, error.Message));
        Assert.Null(error.HttpStatusCode);

        fake.Unblock(42);
        await bot.SendMessage(42, "Edition");
    }

    [Fact]
    public async Task My_chat_member_updates_tell_the_bot_and_change_what_it_can_do()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.AddChat(42);

        fake.ChangeMyChatMember(42, "member", "kicked");
        var change = Assert.Single(await bot.GetUpdates()).MyChatMember!;
        Assert.Equal((42L, ChatMemberStatus.Member, ChatMemberStatus.Kicked), (change.Chat.Id, change.OldChatMember.Status, change.NewChatMember.Status));
        Assert.Equal(fake.Bot.Id, change.NewChatMember.User.Id);
        Assert.Equal(403, (await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "x"))).ErrorCode);

        fake.ChangeMyChatMember(42, "kicked", "member");
        await bot.SendMessage(42, "Welcome back");
    }

    [Fact]
    public async Task A_group_that_removed_the_bot_answers_403_kicked()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.ChangeMyChatMember(-500, "left", "member", "group", byUserId: 7);
        await bot.SendMessage(-500, "Hello group");

        fake.Kick(-500);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(-500, "Edition"));
        Assert.Equal((403, "Forbidden: bot was kicked from the group chat"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Unknown_deleted_and_deactivated_chats_answer_like_Telegram()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.AddChat(42);
        fake.AddChat(43);

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(12345, "x"));
        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));

        fake.Delete(42);
        Assert.Equal("Bad Request: chat not found", (await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "x"))).Message);

        fake.Deactivate(43);
        Assert.Equal("Forbidden: user is deactivated", (await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(43, "x"))).Message);
    }

    [Fact]
    public async Task A_migrated_group_points_to_its_supergroup()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.SendText(-600, 7, "/start", "group");

        fake.Migrate(-600, -1000000000600);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(-600, "Edition"));
        Assert.Equal((400, "Bad Request: group chat was upgraded to a supergroup chat"), (error.ErrorCode, error.Message));
        Assert.Equal(-1000000000600, error.Parameters!.MigrateToChatId);
        var resent = await bot.SendMessage(-1000000000600, "Edition");
        Assert.Equal(ChatType.Supergroup, resent.Chat.Type);
    }

    [Fact]
    public async Task A_bot_that_is_no_admin_cannot_post_in_a_channel()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(Channel, "channel", "The Social Report", "socialreport");
        fake.ChangeMyChatMember(Channel, "administrator", "member", byUserId: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SendMessage("@socialreport", "Edition"));

        Assert.Equal("Bad Request: need administrator rights in the channel chat", error.Message);
    }

    [Fact]
    public async Task Chats_follow_Telegrams_id_rules()
    {
        await using var fake = api.Start(TestBot.Quiet);

        Assert.Throws<ArgumentException>(() => fake.SendText(42, 43, "/start"));
        Assert.Throws<ArgumentException>(() => fake.SendText(42, 42, "/start", "group"));
        fake.SendText(-700, 42, "/start");
        Assert.Throws<ArgumentException>(() => fake.SendText(-700, 42, "/start", "supergroup"));
    }
}
