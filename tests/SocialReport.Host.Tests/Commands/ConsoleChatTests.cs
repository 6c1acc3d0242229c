using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Tests.Commands;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task The_console_reads_commands_until_end_of_input_and_prints_plain_text_cards()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var chat = new ConsoleChat(bot.Services.GetRequiredService<CommandEngine>());
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/latest\n\n/topic whatsapp\n/publish x\n"), output, "reader", "fr", CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("The Social Report · 27 mars 2020", text);
        Assert.Contains("1. WhatsApp franchit la barre des 2 milliards d’utilisateurs — 6 mars 2020 → /read 2020-03-06/2", text);
        Assert.Contains("réservée aux éditeurs", text);
        Assert.DoesNotContain("<b>", text);
    }

    [Fact]
    public async Task As_admin_the_console_plays_an_editor()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var output = new StringWriter();

        await new ConsoleChat(bot.Services.GetRequiredService<CommandEngine>())
            .RunAsync(new StringReader("/stats\n"), output, "admin", "en", CancellationToken.None);

        Assert.Contains("4 editions", output.ToString());
    }
}
