using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class EditAndCallbackTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    [Fact]
    public async Task Editing_replaces_text_and_keyboard_in_place()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var cover = await bot.SendMessage(42, "<b>Cover</b>", ParseMode.Html, replyMarkup: TestBot.Buttons(("1", "story:1")));

        var story = await bot.EditMessageText(42, cover.Id, "<b>Story 1</b>", ParseMode.Html, replyMarkup: TestBot.Buttons(("◀", "cover"), ("▶", "story:2")));

        Assert.Equal((cover.Id, "Story 1"), (story.Id, story.Text));
        Assert.NotNull(story.EditDate);
        Assert.Equal(["sendMessage", "editMessageText"], fake.SentTo(42).Select(m => m.Method));
        var current = fake.Message(42, cover.Id);
        Assert.True(current.IsEdit);
        Assert.Equal(["cover", "story:2"], current.AllButtons.Select(b => b.CallbackData));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_the_reader_sees_is_not_modified()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var sent = await bot.SendMessage(42, "<b>Story 1</b>", ParseMode.Html, replyMarkup: TestBot.Buttons(("▶", "story:2")));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.EditMessageText(42, sent.Id, "<strong>Story 1</strong> ", ParseMode.Html, replyMarkup: TestBot.Buttons(("▶", "story:2"))));
        Assert.Equal((400, NotModified), (error.ErrorCode, error.Message));

        await bot.EditMessageText(42, sent.Id, "<b>Story 1</b>", ParseMode.Html, replyMarkup: TestBot.Buttons(("▶", "story:3")));
        await bot.EditMessageText(42, sent.Id, "<i>Story 1</i>", ParseMode.Html, replyMarkup: TestBot.Buttons(("▶", "story:3")));
        await bot.EditMessageText(42, sent.Id, "<i>Story 1</i>", ParseMode.Html);
        Assert.Empty(fake.Message(42, sent.Id).Buttons);
    }

    [Fact]
    public async Task Only_the_bots_existing_messages_can_be_edited()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var userMessage = fake.SendText(42, 42, "/start");

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(42, 99, "x"));
        Assert.Equal("Bad Request: message to edit not found", missing.Message);

        var theirs = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(42, userMessage.MessageId!.Value, "x"));
        Assert.Equal("Bad Request: message can't be edited", theirs.Message);
    }

    [Fact]
    public async Task A_pressed_button_is_a_callback_query_answered_once()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var cover = await bot.SendMessage(42, "Cover", replyMarkup: TestBot.Buttons(("1", "story:1")));

        var press = fake.PressButton(42, 42, cover.Id, "story:1");
        var query = Assert.Single(await bot.GetUpdates()).CallbackQuery!;

        Assert.Equal((press.CallbackQueryId, "story:1", 42L), (query.Id, query.Data, query.From.Id));
        Assert.Equal((cover.Id, "Cover"), (query.Message!.Id, query.Message.Text));
        await bot.AnswerCallbackQuery(query.Id, "Story 1");
        Assert.Equal(("Story 1", false), (Assert.Single(fake.CallbackAnswers).Text, fake.CallbackAnswers[0].ShowAlert));

        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", again.Message);
    }

    [Fact]
    public async Task Only_buttons_on_the_message_as_it_stands_can_be_pressed()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var cover = await bot.SendMessage(42, "Cover", replyMarkup: TestBot.Buttons(("1", "story:1")));
        await bot.EditMessageText(42, cover.Id, "Story 1", replyMarkup: TestBot.Buttons(("◀", "cover")));

        var error = Assert.Throws<InvalidOperationException>(() => fake.PressButton(42, 42, cover.Id, "story:1"));
        Assert.Contains("[◀] cover", error.Message);
        Assert.Throws<InvalidOperationException>(() => fake.PressButton(42, 42, 99, "cover"));
    }
}
