using SocialReport.Core.Archive;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Inbox;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>
/// One store (a LiteDB file, a PostgreSQL database) as the storage contract tests see it: fresh and empty when a
/// test starts, its stores over one open connection, which <see cref="Reopen"/> closes and opens again as a restart would.
/// Stores taken before a reopen are not used after it.
/// </summary>
public abstract class StorageBackend : IDisposable
{
    public abstract IEditionArchive Archive(TimeProvider time);

    public IEditionRevisions Revisions(TimeProvider time) => (IEditionRevisions)Archive(time);

    public abstract IChatStore Chats();

    /// <summary>The chats of one channel in one state, in id order.</summary>
    public abstract IEnumerable<Chat> InState(string channel, SubscriptionState state);

    /// <summary>Saves many chats at once (one transaction), faster than one save each.</summary>
    public abstract void SaveChats(IEnumerable<Chat> chats);

    public abstract IUpdateInbox Inbox(int remembered = IUpdateInbox.RememberedIds);

    /// <summary>How many updates the inbox keeps, pending and remembered; null when the store cannot tell.</summary>
    public abstract int? InboxSize();

    /// <summary>Whether the inbox still keeps the body of an update.</summary>
    public abstract bool KeepsBody(string source, string id);

    public abstract IBroadcastRequestStore Requests();

    public abstract IDeliveryLedger Ledger(DeliveryOptions options, TimeProvider time);

    public abstract IReaderData ReaderData();

    /// <summary>The story taps and opens; only the backends whose contract covers them override it.</summary>
    public virtual IStoryCounts StoryCounts() => throw new NotSupportedException();

    /// <summary>Every document of every collection (every row of every table) the store has, as text, with where it is: found by listing them, not by name.</summary>
    public abstract IEnumerable<(string Where, string Text)> EveryRecord();

    /// <summary>Closes the store and opens it again, as a restarted host would.</summary>
    public abstract void Reopen();

    public abstract void Dispose();

    /// <summary>The web console's sign-in tokens.</summary>
    public abstract ILoginTokenStore LoginTokens();
}
