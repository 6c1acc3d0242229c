using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Web;

/// <summary>
/// The try-it chats, in memory only: a visitor invents a session id per browser, so nothing of theirs is written to the
/// store. A chat unused for <see cref="WebOptions.ChatSessionIdle"/> is forgotten, and beyond
/// <see cref="WebOptions.ChatSessions"/> the least recently used goes first. Reading a chat counts as using it.
/// </summary>
internal sealed class WebChatStore(IOptions<WebOptions> options, TimeProvider time) : IChatStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ChatKey, LinkedListNode<Entry>> _chats = [];
    /// <summary>Most recently used first: the expired and the least recently used are at the end.</summary>
    private readonly LinkedList<Entry> _byUse = new();

    public int Count
    {
        get { lock (_lock) { Expire(); return _chats.Count; } }
    }

    public Chat? Get(ChatKey key)
    {
        lock (_lock)
        {
            Expire();
            if (!_chats.TryGetValue(key, out var node))
                return null;
            Use(node, node.Value.Chat);
            return node.Value.Chat;
        }
    }

    public void Save(Chat chat)
    {
        lock (_lock)
        {
            Expire();
            if (_chats.TryGetValue(chat.Key, out var node))
            {
                Use(node, chat);
                return;
            }
            Add(chat);
        }
    }

    public bool Rekey(ChatKey from, ChatKey to)
    {
        lock (_lock)
        {
            if (!_chats.TryGetValue(from, out var node))
                return false;
            Remove(node);
            if (_chats.TryGetValue(to, out var existing))
                Remove(existing);
            Add(node.Value.Chat with { Key = to });
            return true;
        }
    }

    public IEnumerable<Chat> Active(string channel, string? afterId = null)
    {
        lock (_lock)
        {
            Expire();
            return [.. _chats.Values.Select(n => n.Value.Chat)
                .Where(c => c.Key.Channel == channel && c.State == SubscriptionState.Active
                    && (afterId is null || string.CompareOrdinal(c.Key.Id, afterId) > 0))
                .OrderBy(c => c.Key.Id, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<ChatCount> CountByState()
    {
        lock (_lock)
        {
            Expire();
            return [.. _chats.Values
                .GroupBy(n => (n.Value.Chat.Key.Channel, n.Value.Chat.Kind, n.Value.Chat.State))
                .Select(g => new ChatCount(g.Key.Channel, g.Key.Kind, g.Key.State, g.Count()))];
        }
    }

    private void Add(Chat chat)
    {
        _chats[chat.Key] = _byUse.AddFirst(new Entry(chat, time.GetUtcNow()));
        while (_chats.Count > options.Value.ChatSessions)
            Remove(_byUse.Last!);
    }

    private void Use(LinkedListNode<Entry> node, Chat chat)
    {
        node.Value = new Entry(chat, time.GetUtcNow());
        _byUse.Remove(node);
        _byUse.AddFirst(node);
    }

    private void Expire()
    {
        var oldest = time.GetUtcNow() - options.Value.ChatSessionIdle;
        while (_byUse.Last is { } last && last.Value.Used <= oldest)
            Remove(last);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _byUse.Remove(node);
        _chats.Remove(node.Value.Chat.Key);
    }

    private readonly record struct Entry(Chat Chat, DateTimeOffset Used);
}
