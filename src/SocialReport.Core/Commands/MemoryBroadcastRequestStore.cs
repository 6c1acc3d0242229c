using System.Collections.Concurrent;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>Broadcast requests without a store: a restart forgets them.</summary>
public sealed class MemoryBroadcastRequestStore : IBroadcastRequestStore
{
    private readonly ConcurrentDictionary<ChatKey, BroadcastRequest> _requests = new();

    public void Save(ChatKey chat, BroadcastRequest request) => _requests[chat] = request;

    public BroadcastRequest? Get(ChatKey chat) => _requests.GetValueOrDefault(chat);

    public BroadcastRequest? Take(ChatKey chat) => _requests.TryRemove(chat, out var request) ? request : null;
}
