using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>Editors publish by sending the edition file; readers can't; the command menu tells them apart.</summary>
public class EditorSessionTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Editor = TelegramBotHost.EditorId;
    private const long Reader = 4343;

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task An_editor_publishes_a_document_and_a_reader_cannot(TelegramMode mode)
    {
        await using var bot = await TelegramBotHost.StartAsync(api, mode);
        var march13 = Path.Combine(RepositoryFiles.Editions, "2020-03-13-social-report.md");

        // A reader's /publish is refused, and their file is never even downloaded.
        var refused = Assert.Single(await bot.SendDocumentAsync(Reader, Reader, march13, "/publish"));
        Assert.Equal("Désolé, cette commande est réservée aux éditeurs du Social Report.", refused.PlainText);
        Assert.Equal(0, bot.Fake.RequestCount("getFile"));
        Assert.Equal(1, bot.Services.GetRequiredService<IEditionArchive>().Count());

        // The editor's document with /publish as caption: published, answered with the preview readers will get.
        var preview = await bot.SendDocumentAsync(Editor, Editor, march13, "/publish", expected: 5);
        Assert.Equal("Édition du 13 mars 2020 publiée (3 articles). Voici ce que verront les lecteurs :", preview[0].PlainText);
        Assert.StartsWith("Social Report · 13 mars 2020", preview[1].PlainText);
        Assert.Equal(["1/3", "2/3", "3/3"], preview.Skip(2).Select(m => m.PlainText[..3]));
        Assert.Equal(2, bot.Services.GetRequiredService<IEditionArchive>().Count());

        var latest = Assert.Single(await bot.SayAsync(Reader, Reader, "/latest"));
        Assert.StartsWith("Social Report · 13 mars 2020", latest.PlainText);

        // Or by replying /publish to a document sent earlier.
        var march20 = Path.Combine(RepositoryFiles.Editions, "2020-03-20-social-report.md");
        var document = bot.Fake.SendDocument(Editor, Editor, "2020-03-20-social-report.md", await File.ReadAllBytesAsync(march20));
        var replied = await bot.SayAsync(Editor, Editor, "/publish", expected: 5, replyTo: document.MessageId);
        Assert.StartsWith("Édition du 20 mars 2020 publiée", replied[0].PlainText);
        Assert.StartsWith("Social Report · 20 mars 2020", Assert.Single(await bot.SayAsync(Reader, Reader, "/latest")).PlainText);

        // A file over 2 MB is refused before it is fetched.
        var downloads = bot.Fake.RequestCount("getFile");
        var before = bot.Fake.SentTo(Editor).Count;
        bot.Fake.SendDocument(Editor, Editor, "huge.md", new byte[2 * 1024 * 1024 + 1], "/publish");
        var tooBig = (await bot.Fake.WaitForSentAsync(Editor, before + 1, TelegramBotHost.Patience))[^1];
        Assert.Equal("Édition refusée : le fichier dépasse 2 Mo", tooBig.PlainText);
        Assert.Equal(downloads, bot.Fake.RequestCount("getFile"));

        // The command menu: readers' commands in French (also the default) and English; editors' only in their own chat.
        var french = bot.Fake.Commands(languageCode: "fr").Select(c => c.Command).ToList();
        Assert.Equal(["start", "latest", "topic", "search", "archive", "lang", "stop", "help", "follow", "unfollow", "following", "mode", "timezone", "quiet", "silent", "mydata", "forget"], french);
        Assert.Equal(french, bot.Fake.Commands().Select(c => c.Command));
        Assert.Equal("The latest Social Report", bot.Fake.Commands(languageCode: "en").Single(c => c.Command == "latest").Description);
        Assert.DoesNotContain(bot.Fake.Commands(languageCode: "en"), c => c.Command == "publish");
        var editorScope = new CommandScope("chat", Editor);
        Assert.Equal([.. french, "publish", "preview", "broadcast", "stats", "unpublish", "login", "recall", "report"], bot.Fake.Commands(editorScope, "fr").Select(c => c.Command));
        Assert.Contains(bot.Fake.Commands(editorScope, "en"), c => c.Command == "publish");
        Assert.Contains(bot.Fake.Commands(editorScope), c => c.Command == "publish");

        SecretsAssert.NotLogged(bot);
    }
}
