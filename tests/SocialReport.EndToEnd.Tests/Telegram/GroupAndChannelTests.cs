using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>A group is one subscriber its admins manage; a channel is subscribed by an editor who administers it.</summary>
public class GroupAndChannelTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Group = -5555;
    private const long Admin = 7;
    private const long Member = 8;
    private const long Channel = -1001234567890;
    private const long OtherChannel = -1009876543210;

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task Group_commands_and_channel_subscription(TelegramMode mode)
    {
        await using var bot = await TelegramBotHost.StartAsync(api, mode);
        bot.Fake.AddUser(Admin, "Alex");
        bot.Fake.AddUser(Member, "Sam");
        bot.Fake.AddChat(Group, "group", "Veille réseaux");
        bot.Fake.SetAdministrators(Group, Admin);

        // Commands addressed to this bot are answered; those for another bot are not someone else's business.
        var cover = Assert.Single(await bot.SayAsync(Group, Member, "/latest@SocialReportBot"));
        Assert.StartsWith("Social Report · 6 mars 2020", cover.PlainText);
        var help = await bot.SayAsync(Group, Member, "/latest@OtherBot", expected: 0);
        Assert.Empty(help);
        Assert.StartsWith("Commandes", Assert.Single(await bot.SayAsync(Group, Member, "/help@socialreportbot")).PlainText);
        Assert.Equal(2, bot.Fake.SentTo(Group).Count);

        // Buttons page in place in a group too.
        var story = Assert.Single(await bot.PressAsync(Group, Member, cover, "2"));
        Assert.Equal(("editMessageText", cover.MessageId), (story.Method, story.MessageId));

        // Only the group's admins subscribe it.
        var refused = Assert.Single(await bot.SayAsync(Group, Member, "/start"));
        Assert.Equal("Seuls les administrateurs du groupe peuvent abonner ou désabonner le groupe.", refused.PlainText);
        Assert.NotEqual(SubscriptionState.Active, bot.StoredChat(Group)?.State);
        await bot.SayAsync(Group, Admin, "/start@SocialReportBot", expected: 2);
        Assert.Equal((SubscriptionState.Active, ChatKind.Group, "Veille réseaux"), (bot.StoredChat(Group)?.State, bot.StoredChat(Group)?.Kind, bot.StoredChat(Group)?.Title));

        // A channel: the editor administers it and so does the bot.
        const long editor = TelegramBotHost.EditorId;
        bot.Fake.AddChat(Channel, "channel", "The Social Report", "socialreport");
        bot.Fake.SetAdministrators(Channel, editor);
        bot.Fake.AddChat(OtherChannel, "channel", "Elsewhere", "elsewhere");
        bot.Fake.SetAdministrators(OtherChannel, Admin);
        Assert.Equal("Vous devez être administrateur de @elsewhere, et le bot aussi, pour l’abonner.",
            Assert.Single(await bot.SayAsync(editor, editor, "/subscribe @elsewhere")).PlainText);
        Assert.Equal("Désolé, cette commande est réservée aux éditeurs du Social Report.",
            Assert.Single(await bot.SayAsync(Member, Member, "/subscribe @socialreport")).PlainText);
        Assert.Null(bot.StoredChat(Channel));
        Assert.Equal("Le canal The Social Report est abonné.", Assert.Single(await bot.SayAsync(editor, editor, "/subscribe @socialreport")).PlainText);
        var channel = bot.StoredChat(Channel);
        Assert.Equal((SubscriptionState.Active, ChatKind.Channel, "The Social Report"), (channel?.State, channel?.Kind, channel?.Title));
        Assert.Empty(bot.Fake.SentTo(Channel));
    }

    [Fact]
    public async Task A_button_whose_command_was_forgotten_is_answered_as_expired()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling);
        bot.Fake.AddChat(Member);
        // A message as the bot sent it before a restart: its token is in no store any more.
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Fake.Token, bot.Fake.BaseUrl));
        var old = await client.SendMessage(Member, "Ancienne édition", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Voir plus ▶", "~forgottenToken")));
        var message = bot.Fake.Message(Member, old.Id);

        var sent = await bot.PressAsync(Member, Member, message, "Voir plus ▶", expected: 0);

        Assert.Empty(sent);
        Assert.Equal("Ce bouton a expiré : renvoyez /latest.", bot.Fake.CallbackAnswers.Single().Text);
        Assert.Single(bot.Fake.SentTo(Member));
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_keeps_its_subscription_and_gets_its_answer_there()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling);
        const long supergroup = -1000000005555;
        bot.Fake.AddUser(Admin, "Alex");
        bot.Fake.AddChat(Group, "group", "Veille réseaux");
        bot.Fake.SetAdministrators(Group, Admin);
        await bot.SayAsync(Group, Admin, "/start", expected: 2);

        bot.Fake.Migrate(Group, supergroup);
        bot.Fake.SendText(Group, Admin, "/help");

        var answer = Assert.Single(await bot.Fake.WaitForSentAsync(supergroup, 1, TelegramBotHost.Patience));
        Assert.StartsWith("Commandes", answer.PlainText);
        Assert.Null(bot.StoredChat(Group));
        Assert.Equal(SubscriptionState.Active, bot.StoredChat(supergroup)?.State);
    }
}
