using System.CommandLine;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Cli;

/// <summary>A console conversation with the bot over the archive: the same engine as every channel.</summary>
internal static class ChatVerb
{
    public static Command Build()
    {
        var who = new Option<string>("--as") { Description = "Who is speaking; editors are listed in Admins:Console.", DefaultValueFactory = _ => "reader" };
        var language = new Option<string>("--lang") { Description = "Interface language until /lang changes it.", DefaultValueFactory = _ => "fr" };
        language.AcceptOnlyFromAmong("fr", "en");
        var verb = new Command("chat", "Talk to the bot in the terminal: one command per line, until end of input.") { who, language };
        verb.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            var engine = host.Services.GetRequiredService<CommandEngine>();
            var renderer = new PlainTextRenderer();
            var name = parse.GetValue(who)!;
            var sender = new Sender(name, name, parse.GetValue(language));
            var chat = new ChatKey("console", name);
            while (await Console.In.ReadLineAsync(ct) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var reply = await engine.HandleAsync(new Inbound { Chat = chat, ChatKind = ChatKind.Private, Sender = sender, Text = line }, ct);
                foreach (var card in reply.Cards) await Console.Out.WriteLineAsync(renderer.Render(card) + "\n");
            }
            return 0;
        });
        return verb;
    }
}
