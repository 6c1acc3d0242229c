using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Host;

/// <summary>The console channel: lines in, plain-text cards out. For trying the bot; never part of a broadcast.</summary>
internal sealed class ConsoleChat(CommandEngine engine, ConsoleNotifier? notifier = null)
{
    public const string Channel = "console";

    private readonly PlainTextRenderer _renderer = new();

    public async Task RunAsync(TextReader input, TextWriter output, string name, string language, CancellationToken cancellationToken)
    {
        var sender = new Sender(name, name, language);
        var chat = new ChatKey(Channel, name);
        // A confirmed /broadcast prints its progress here while the chat is open.
        using var attached = notifier?.Attach(name, output);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var inbound = new Inbound { Chat = chat, ChatKind = ChatKind.Private, Sender = sender, Text = line };
            var reply = await engine.HandleAsync(inbound, cancellationToken);
            foreach (var card in reply.Cards) await output.WriteLineAsync(_renderer.Render(card) + "\n");
        }
    }
}
