using SocialReport.Core.Readers;

namespace SocialReport.Host.Web;

/// <summary>The host's chat store: try-it chats (<c>web</c>) in memory (<see cref="WebChatStore"/>), every other channel's in <paramref name="store"/>.</summary>
internal sealed class ChatStoreByChannel(IChatStore store, WebChatStore web) : IChatStore
{
    public Chat? Get(ChatKey key) => For(key.Channel).Get(key);

    public IReadOnlyList<Chat?> Get(IReadOnlyList<ChatKey> keys) =>
        keys.Any(key => key.Channel == ChatEndpoints.Channel) ? [.. keys.Select(Get)] : store.Get(keys);

    public void Save(Chat chat) => For(chat.Key.Channel).Save(chat);

    public bool Rekey(ChatKey from, ChatKey to) => from.Channel == to.Channel && For(from.Channel).Rekey(from, to);

    public IEnumerable<Chat> Active(string channel, string? afterId = null) => For(channel).Active(channel, afterId);

    /// <remarks>Web rows left in the store by earlier versions are not counted.</remarks>
    public IReadOnlyList<ChatCount> CountByState() =>
        [.. store.CountByState().Where(c => c.Channel != ChatEndpoints.Channel), .. web.CountByState()];

    private IChatStore For(string channel) => channel == ChatEndpoints.Channel ? web : store;
}
