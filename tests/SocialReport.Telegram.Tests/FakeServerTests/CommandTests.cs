using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class CommandTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task Commands_are_kept_per_scope_and_language()
    {
        await using var fake = api.Start(TestBot.Quiet);
        var bot = TestBot.ClientFor(fake);
        fake.AddChat(42);

        await bot.SetMyCommands([new BotCommand("latest", "Dernière édition"), new BotCommand("/archive", "Éditions précédentes")], languageCode: "fr");
        await bot.SetMyCommands([new BotCommand("latest", "Latest edition")], languageCode: "en");
        await bot.SetMyCommands([new BotCommand("publish", "Publish an edition")], BotCommandScope.Chat(42), "en");

        var french = await bot.GetMyCommands(languageCode: "fr");
        Assert.Equal(["latest", "archive"], french.Select(c => c.Command));
        Assert.Equal("Dernière édition", french[0].Description);
        Assert.Empty(await bot.GetMyCommands());
        Assert.Equal([new RegisteredCommand("latest", "Latest edition")], fake.Commands(languageCode: "en"));
        Assert.Equal("publish", Assert.Single(fake.Commands(new CommandScope("chat", 42), "en")).Command);
        Assert.Empty(fake.Commands(new CommandScope("chat", 42), "fr"));

        await bot.DeleteMyCommands(languageCode: "fr");
        Assert.Empty(fake.Commands(languageCode: "fr"));
    }

    [Theory]
    [InlineData("Latest", "Dernière édition", "fr", "Bad Request: BOT_COMMAND_INVALID")]
    [InlineData("latest-one", "Dernière édition", "fr", "Bad Request: BOT_COMMAND_INVALID")]
    [InlineData("latest", " ", "fr", "Bad Request: command description must be non-empty")]
    [InlineData("latest", "Dernière édition", "fra", "Bad Request: invalid language code specified")]
    public async Task Telegram_rules_for_commands_are_enforced(string command, string description, string language, string error)
    {
        await using var fake = api.Start(TestBot.Quiet);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TestBot.ClientFor(fake).SetMyCommands([new BotCommand(command, description)], languageCode: language));

        Assert.Equal((400, error), (refused.ErrorCode, refused.Message));
    }
}
