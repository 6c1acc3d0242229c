using System.CommandLine;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Cli;

/// <summary>A console conversation with the bot over the archive: the same engine as every channel.</summary>
internal static class ChatVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var who = new Option<string>("--as") { Description = "Who is speaking; editors are listed in Admins:Console.", DefaultValueFactory = _ => "reader" };
        var language = new Option<string>("--lang") { Description = "Interface language until /lang changes it.", DefaultValueFactory = _ => "fr" };
        language.AcceptOnlyFromAmong("fr", "en");
        var verb = new Command("chat", "Talk to the bot in the terminal: one command per line, until end of input.") { who, language };
        verb.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(configure);
            await host.Services.GetRequiredService<IEnumerable<IHostedService>>().OfType<ArchiveSeeder>().Single().StartAsync(ct);
            var chat = new ConsoleChat(host.Services.GetRequiredService<CommandEngine>(), host.Services.GetRequiredService<ConsoleNotifier>());
            await chat.RunAsync(Console.In, Console.Out, parse.GetValue(who)!, parse.GetValue(language)!, ct);
            return 0;
        });
        return verb;
    }
}
