namespace SocialReport.Core.Readers;

/// <summary>What a channel can tell about its chats' members; implemented by each channel adapter.</summary>
public interface IChatMembership
{
    /// <summary>The channel this adapter serves: <c>telegram</c>, <c>teams</c>…</summary>
    string Channel { get; }

    /// <summary>Whether the user administers that chat (group admins may subscribe their group).</summary>
    Task<bool> IsAdminAsync(ChatKey chat, string userId, CancellationToken cancellationToken);

    /// <summary>A chat known by its public name (Telegram "@channel"), or null when the bot can't see it.</summary>
    Task<ResolvedChat?> ResolveAsync(string name, CancellationToken cancellationToken);
}

public sealed record ResolvedChat(ChatKey Key, ChatKind Kind, string? Title);
