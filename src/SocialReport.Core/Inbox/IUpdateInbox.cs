namespace SocialReport.Core.Inbox;

/// <summary>An update kept in the inbox; <see cref="Replays"/> counts the starts that found it not yet handled.</summary>
public sealed record InboxEntry(string Id, string Body, int Replays);

/// <summary>
/// Updates a platform delivered, kept from before the platform is told they arrived (a webhook's 200, a polling
/// offset moved past them) until they are handled, so that those a crash interrupted are handled at the next start.
/// Completed ids are remembered a while, so that a repeated delivery is taken once.
/// </summary>
public interface IUpdateInbox
{
    /// <summary>The largest body kept, in characters.</summary>
    const int MaxBodyChars = 1024 * 1024;

    /// <summary>Completed ids are remembered while they are among this many latest updates.</summary>
    const int RememberedIds = 10_000;

    /// <summary>
    /// Keeps the update, durably once it returns; false when its id is already pending or was completed recently.
    /// A body over <see cref="MaxBodyChars"/> is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    bool Add(string source, string id, string body);

    /// <summary><see cref="Add"/>, for a caller that should not hold a thread while the store commits (a webhook request).</summary>
    Task<bool> AddAsync(string source, string id, string body) => Task.FromResult(Add(source, id, body));

    /// <summary>Marks the update handled (or given up): it is not handled again, and its id is remembered a while.</summary>
    void Complete(string source, string id);

    /// <summary><see cref="Complete"/>, without holding a thread while the store commits.</summary>
    Task CompleteAsync(string source, string id)
    {
        Complete(source, id);
        return Task.CompletedTask;
    }

    /// <summary>Forgets an update that was not taken after all, so that the platform's next delivery of it is.</summary>
    void Remove(string source, string id);

    /// <summary>The updates not completed, oldest first, each counted as replayed once more; read once at start-up, before any <see cref="Add"/>.</summary>
    IReadOnlyList<InboxEntry> Replay(string source);
}
