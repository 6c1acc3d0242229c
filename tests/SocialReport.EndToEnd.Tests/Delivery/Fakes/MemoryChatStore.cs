using SocialReport.Core.Readers;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>The chat store in memory, kept in key order like the real one.</summary>
public sealed class MemoryChatStore : IChatStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<(string Channel, string Id), Chat> _chats = new(Comparer<(string, string)>.Create((a, b) =>
    {
        var channel = string.CompareOrdinal(a.Item1, b.Item1);
        return channel != 0 ? channel : string.CompareOrdinal(a.Item2, b.Item2);
    }));

    public Chat? Get(ChatKey key)
    {
        lock (_gate) return _chats.GetValueOrDefault((key.Channel, key.Id));
    }

    public void Save(Chat chat)
    {
        lock (_gate) _chats[(chat.Key.Channel, chat.Key.Id)] = chat;
    }

    public bool Rekey(ChatKey from, ChatKey to)
    {
        lock (_gate)
        {
            if (!_chats.Remove((from.Channel, from.Id), out var chat)) return false;
            _chats[(to.Channel, to.Id)] = chat with { Key = to };
            return true;
        }
    }

    public IEnumerable<Chat> Active(string channel, string? afterId = null)
    {
        List<Chat> snapshot;
        lock (_gate)
            snapshot = [.. _chats.Values.Where(chat => chat.Key.Channel == channel && chat.State == SubscriptionState.Active
                && (afterId is null || string.CompareOrdinal(chat.Key.Id, afterId) > 0))];
        return snapshot;
    }

    public IReadOnlyList<ChatCount> CountByState()
    {
        lock (_gate)
            return [.. _chats.Values.GroupBy(chat => (chat.Key.Channel, chat.Kind, chat.State))
                .Select(group => new ChatCount(group.Key.Channel, group.Key.Kind, group.Key.State, group.Count()))];
    }
}
