using System.Text;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class FileTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task A_document_a_user_sends_can_be_fetched_and_downloaded()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        var content = Encoding.UTF8.GetBytes("# The Social Report\n\nÉdition du 6 mars 2020\n");

        fake.SendDocument(42, 42, "2020-03-06.md", content, caption: "/publish");

        var message = Assert.Single(await bot.GetUpdates()).Message!;
        Assert.Equal(("2020-03-06.md", "text/markdown", content.Length), (message.Document!.FileName, message.Document.MimeType, (int)message.Document.FileSize!));
        Assert.Equal("/publish", message.Caption);
        Assert.Equal(MessageEntityType.BotCommand, message.CaptionEntities!.Single().Type);

        var file = await bot.GetFile(message.Document.FileId);
        using var downloaded = new MemoryStream();
        await bot.DownloadFile(file, downloaded);
        Assert.Equal(content, downloaded.ToArray());
    }

    [Fact]
    public async Task Unknown_files_are_refused()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetFile("BQACAgIAAxkBAAInvalid"));
        Assert.Equal((400, "Bad Request: invalid file_id"), (error.ErrorCode, error.Message));

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DownloadFile("documents/file_9.md", Stream.Null));
        Assert.Equal(404, missing.ErrorCode);
    }

    [Fact]
    public async Task A_reply_to_a_document_carries_it()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var document = fake.SendDocument(42, 42, "edition.txt", [1, 2, 3]);
        fake.SendText(42, 42, "/publish", replyToMessageId: document.MessageId);

        var reply = (await TestBot.ClientFor(fake).GetUpdates())[1].Message!;

        Assert.Equal("edition.txt", reply.ReplyToMessage!.Document!.FileName);
    }

    [Fact]
    public async Task The_bot_can_send_a_document_with_an_html_caption()
    {
        await using var fake = api.Start(TestBot.Quiet);
        fake.AddChat(42);
        var bot = TestBot.ClientFor(fake);
        var content = Encoding.UTF8.GetBytes("full text");

        var sent = await bot.SendDocument(42, InputFile.FromStream(new MemoryStream(content), "story-1.txt"), "<b>Story 1</b>, full text", ParseMode.Html);

        Assert.Equal(("story-1.txt", "Story 1, full text"), (sent.Document!.FileName, sent.Caption));
        var recorded = fake.LastSentTo(42)!;
        Assert.Equal(("sendDocument", "story-1.txt", "Story 1, full text"), (recorded.Method, recorded.DocumentFileName, recorded.PlainText));
        using var downloaded = new MemoryStream();
        await bot.DownloadFile(await bot.GetFile(sent.Document.FileId), downloaded);
        Assert.Equal(content, downloaded.ToArray());

        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SendDocument(42, InputFile.FromStream(new MemoryStream(content), "x.txt"), new string('x', 1025)));
        Assert.Equal("Bad Request: message caption is too long", tooLong.Message);
    }
}
