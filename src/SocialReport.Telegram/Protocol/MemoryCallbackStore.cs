using System.Buffers.Text;
using System.Security.Cryptography;

namespace SocialReport.Telegram.Protocol;

/// <summary>An in-memory <see cref="ICallbackStore"/> that forgets the least recently used commands beyond its capacity.</summary>
internal sealed class MemoryCallbackStore(int capacity = 10_000) : ICallbackStore
{
    private readonly Dictionary<string, LinkedListNode<Entry>> byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<Entry>> byCommand = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recent = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
                return recent.Count;
        }
    }

    public string Save(string command)
    {
        lock (gate)
        {
            if (byCommand.TryGetValue(command, out var known))
            {
                Touch(known);
                return known.Value.Token;
            }
            string token;
            do
                token = NewToken();
            while (byToken.ContainsKey(token));

            var node = recent.AddFirst(new Entry(token, command));
            byToken[token] = node;
            byCommand[command] = node;
            if (recent.Count > Math.Max(capacity, 1))
            {
                var oldest = recent.Last!;
                recent.RemoveLast();
                byToken.Remove(oldest.Value.Token);
                byCommand.Remove(oldest.Value.Command);
            }
            return token;
        }
    }

    public string? Load(string token)
    {
        lock (gate)
        {
            if (!byToken.TryGetValue(token, out var node))
                return null;
            Touch(node);
            return node.Value.Command;
        }
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        recent.Remove(node);
        recent.AddFirst(node);
    }

    // Random rather than counted: after a restart, buttons still on readers' screens must not hit someone else's command.
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));

    private sealed record Entry(string Token, string Command);
}
