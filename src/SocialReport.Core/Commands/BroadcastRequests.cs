using System.Collections.Concurrent;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A /broadcast waiting for its /confirm.</summary>
public sealed record BroadcastRequest(string EditionId, bool Force, DateTimeOffset ExpiresAt);

/// <summary>Broadcast requests waiting for confirmation, one per chat, forgotten after <see cref="Lifetime"/>.</summary>
public sealed class BroadcastRequests(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<ChatKey, BroadcastRequest> _pending = new();

    public BroadcastRequest Add(ChatKey chat, string editionId, bool force)
    {
        var request = new BroadcastRequest(editionId, force, time.GetUtcNow() + Lifetime);
        _pending[chat] = request;
        return request;
    }

    /// <summary>Removes and returns the chat's request; null when there is none or it expired.</summary>
    public BroadcastRequest? Take(ChatKey chat) =>
        _pending.TryRemove(chat, out var request) && request.ExpiresAt > time.GetUtcNow() ? request : null;
}
