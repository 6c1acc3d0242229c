using System.Collections.Concurrent;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Host;

/// <summary>Status messages (a broadcast's progress) in a console chat: each one a new block of lines, as nothing can be edited.</summary>
internal sealed class ConsoleNotifier : IChatNotifier
{
    private readonly ConcurrentDictionary<string, TextWriter> _outputs = new(StringComparer.Ordinal);
    private readonly PlainTextRenderer _renderer = new();

    public string Channel => ConsoleChat.Channel;

    /// <summary>Where the console chat of <paramref name="name"/> prints, until the returned handle is disposed.</summary>
    public IDisposable Attach(string name, TextWriter output)
    {
        _outputs[name] = TextWriter.Synchronized(output);
        return new Detach(() => _outputs.TryRemove(name, out _));
    }

    public async Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken)
    {
        if (_outputs.TryGetValue(chat.Id, out var output)) await output.WriteLineAsync(_renderer.Render(card) + "\n").ConfigureAwait(false);
        return null;
    }

    public Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken) => SendAsync(chat, card, cancellationToken);

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
