using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A /broadcast waiting for its /confirm.</summary>
public sealed record BroadcastRequest(string EditionId, bool Force, DateTimeOffset ExpiresAt)
{
    /// <summary>A canary: the share of the audience (1–50 %) sent first.</summary>
    public int? CanaryPercent { get; init; }
}

/// <summary>
/// Broadcast requests waiting for confirmation, one per chat, forgotten after <see cref="Lifetime"/>. Kept in the
/// store, so that a /confirm handled again after a restart (an update Telegram was told arrived) still finds its request.
/// </summary>
public sealed class BroadcastRequests(IBroadcastRequestStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public BroadcastRequest Add(ChatKey chat, string editionId, bool force, int? canaryPercent = null)
    {
        var request = new BroadcastRequest(editionId, force, time.GetUtcNow() + Lifetime) { CanaryPercent = canaryPercent };
        store.Save(chat, request);
        return request;
    }

    /// <summary>The chat's request, left in place; null when there is none or it expired.</summary>
    public BroadcastRequest? Get(ChatKey chat) => store.Get(chat) is { } request && request.ExpiresAt > time.GetUtcNow() ? request : null;

    /// <summary>Removes and returns the chat's request; null when there is none or it expired.</summary>
    public BroadcastRequest? Take(ChatKey chat) => store.Take(chat) is { } request && request.ExpiresAt > time.GetUtcNow() ? request : null;
}

/// <summary>Where <see cref="BroadcastRequests"/> keeps its requests: at most one per chat.</summary>
public interface IBroadcastRequestStore
{
    /// <summary>Replaces the chat's request.</summary>
    void Save(ChatKey chat, BroadcastRequest request);

    BroadcastRequest? Get(ChatKey chat);

    /// <summary>Removes and returns the chat's request, if any.</summary>
    BroadcastRequest? Take(ChatKey chat);
}
