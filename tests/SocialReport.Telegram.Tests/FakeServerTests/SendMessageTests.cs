using SocialReport.Testing.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class SendMessageTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task A_valid_html_message_is_answered_with_a_Message_and_recorded_as_sent()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var question = fake.SendText(42, 42, "/latest");

        var message = await bot.SendMessage(42, "<b>The Social Report</b> &amp; <a href=\"https://example.com/?a=1&amp;b=2\">more</a>", ParseMode.Html,
            replyParameters: question.MessageId!.Value,
            replyMarkup: TestBot.Buttons(("1", "s:2020-03-06:1"), ("2", "s:2020-03-06:2")),
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true });

        Assert.Equal(2, message.Id);
        Assert.Equal("The Social Report & more", message.Text);
        Assert.Equal([MessageEntityType.Bold, MessageEntityType.TextLink], message.Entities!.Select(e => e.Type));
        Assert.Equal("https://example.com/?a=1&b=2", message.Entities![1].Url);
        Assert.Equal(fake.Bot.Id, message.From!.Id);
        Assert.Equal(1, message.ReplyToMessage!.Id);
        Assert.Equal("s:2020-03-06:2", message.ReplyMarkup!.InlineKeyboard.Single().Last().CallbackData);

        var recorded = Assert.Single(fake.SentTo(42));
        Assert.Equal(("sendMessage", 2, "html"), (recorded.Method, recorded.MessageId, recorded.ParseMode?.ToLowerInvariant()));
        Assert.StartsWith("<b>The Social Report</b> &amp;", recorded.Text);
        Assert.Equal("The Social Report & more", recorded.PlainText);
        Assert.Equal(["s:2020-03-06:1", "s:2020-03-06:2"], recorded.AllButtons.Select(b => b.CallbackData));
        Assert.Contains("\"is_disabled\":true", recorded.LinkPreviewOptionsJson);
        Assert.Equal(1, recorded.ReplyToMessageId);
    }

    [Fact]
    public async Task Message_ids_count_per_chat()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.AddChat(42);
        fake.AddChat(43);

        var ids = new[] { (await bot.SendMessage(42, "a")).Id, (await bot.SendMessage(42, "b")).Id, (await bot.SendMessage(43, "c")).Id };

        Assert.Equal([1, 2, 1], ids);
    }

    [Theory]
    [InlineData("<p>Le rapport</p>", "Unsupported start tag \"p\" at byte offset 0")]
    [InlineData("<b>gras", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("a < b", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("coupé <b", "Unclosed start tag at byte offset 7")]
    [InlineData("<b>x</b", "Unclosed end tag at byte offset 4")]
    [InlineData("é <u>x</u> <script>", "Unsupported start tag \"script\" at byte offset 12")]
    [InlineData("<a href=\"https://x.fr>x</a>", "Unclosed start tag at byte offset 0")]
    [InlineData("AT&T", "Unescaped \"&\" at byte offset 2")]
    [InlineData("1 > 0", "Unescaped \">\" at byte offset 2")]
    [InlineData("<a href=\"https://x.fr/?a=1&b=2\">x</a>", "Unescaped \"&\" at byte offset 26")]
    public async Task Invalid_html_is_refused_with_Telegrams_description(string html, string why)
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SendMessage(42, html, ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: can't parse entities: " + why, error.Message);
        Assert.Empty(fake.AllSent);
    }

    [Fact]
    public async Task Without_strict_escaping_a_lone_ampersand_is_text_as_on_Telegram()
    {
        await using var fake = api.Start(TestBot.Quiet with { StrictEscaping = false });
        fake.AddChat(42);

        var message = await TestBot.ClientFor(fake).SendMessage(42, "AT&T 1 > 0 &lt", ParseMode.Html);

        Assert.Equal("AT&T 1 > 0 <", message.Text);
    }

    [Fact]
    public async Task Without_parse_mode_markup_is_plain_text()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);

        var message = await TestBot.ClientFor(fake).SendMessage(42, "<p>AT&T</p>");

        Assert.Equal("<p>AT&T</p>", message.Text);
        Assert.Null(message.Entities);
    }

    [Theory]
    [InlineData(4096, "a", null)]
    [InlineData(4097, "a", "Bad Request: message is too long")]
    [InlineData(4096, "&amp;", null)]
    [InlineData(4097, "&amp;", "Bad Request: message is too long")]
    [InlineData(2048, "😀", null)]
    [InlineData(2049, "😀", "Bad Request: message is too long")]
    public async Task The_limit_is_4096_UTF16_units_after_entity_parsing(int repeat, string unit, string? error)
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        Task<Message> send() => TestBot.ClientFor(fake).SendMessage(42, "<b>" + string.Concat(Enumerable.Repeat(unit, repeat)) + "</b>\n", ParseMode.Html);

        if (error is null)
        {
            var message = await send();
            Assert.Equal(Math.Min(4096, message.Text!.Length), message.Text.Length);
            Assert.Equal(message.Text.Length, message.Entities!.Single().Length);
            return;
        }
        var refused = await Assert.ThrowsAsync<ApiRequestException>((Func<Task<Message>>)send);
        Assert.Equal((400, error), (refused.ErrorCode, refused.Message));
    }

    [Theory]
    [InlineData("", "Bad Request: message text is empty")]
    [InlineData("<b> </b>\n", "Bad Request: text must be non-empty")]
    public async Task Empty_texts_are_refused(string text, string error)
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SendMessage(42, text, ParseMode.Html));

        Assert.Equal(error, refused.Message);
    }

    [Fact]
    public async Task Surrounding_white_space_is_dropped_and_entities_follow()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);

        var message = await TestBot.ClientFor(fake).SendMessage(42, "\n  <b>Titre</b> suite  \n", ParseMode.Html);

        Assert.Equal("Titre suite", message.Text);
        Assert.Equal((0, 5), (message.Entities![0].Offset, message.Entities[0].Length));
    }

    [Theory]
    [InlineData(64, "x", true)]
    [InlineData(65, "x", false)]
    [InlineData(32, "é", true)]
    [InlineData(33, "é", false)]
    public async Task Callback_data_is_limited_to_64_bytes(int repeat, string unit, bool accepted)
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var data = string.Concat(Enumerable.Repeat(unit, repeat));
        Task<Message> send() => TestBot.ClientFor(fake).SendMessage(42, "Cover", replyMarkup: TestBot.Buttons(("▶", data)));

        if (accepted)
        {
            Assert.Equal(data, (await send()).ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
            return;
        }
        var refused = await Assert.ThrowsAsync<ApiRequestException>((Func<Task<Message>>)send);
        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (refused.ErrorCode, refused.Message));
    }

    [Fact]
    public async Task A_button_needs_an_action()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var markup = new InlineKeyboardMarkup(new InlineKeyboardButton("does nothing"));

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => TestBot.ClientFor(fake).SendMessage(42, "Cover", replyMarkup: markup));

        Assert.Equal("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard", refused.Message);
    }

    [Fact]
    public async Task Replying_to_a_message_that_does_not_exist_is_refused()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "hi", replyParameters: 99));
        Assert.Equal("Bad Request: message to be replied not found", refused.Message);

        var sent = await bot.SendMessage(42, "hi", replyParameters: new ReplyParameters { MessageId = 99, AllowSendingWithoutReply = true });
        Assert.Null(sent.ReplyToMessage);
    }
}
