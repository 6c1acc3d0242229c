using System.Buffers.Text;
using System.Security.Cryptography;

namespace SocialReport.Telegram.Protocol;

/// <summary>An in-memory <see cref="ICallbackStore"/> that forgets the least recently used commands beyond its capacity.</summary>
internal sealed class MemoryCallbackStore(int capacity = 10_000) : ICallbackStore
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<Entry>> _byCommand = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _recent.Count;
        }
    }

    public string Save(string command)
    {
        lock (_gate)
        {
            if (_byCommand.TryGetValue(command, out var known))
            {
                Touch(known);
                return known.Value.Token;
            }
            string token;
            do
                token = NewToken();
            while (_byToken.ContainsKey(token));

            var node = _recent.AddFirst(new Entry(token, command));
            _byToken[token] = node;
            _byCommand[command] = node;
            if (_recent.Count > Math.Max(capacity, 1))
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _byToken.Remove(oldest.Value.Token);
                _byCommand.Remove(oldest.Value.Command);
            }
            return token;
        }
    }

    public string? Load(string token)
    {
        lock (_gate)
        {
            if (!_byToken.TryGetValue(token, out var node))
                return null;
            Touch(node);
            return node.Value.Command;
        }
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _recent.AddFirst(node);
    }

    // Random rather than counted: after a restart, buttons still on readers' screens must not hit someone else's command.
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));

    private sealed record Entry(string Token, string Command);
}
