namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>A LiteDB file of its own in a temporary directory.</summary>
public sealed class LiteDbBackend : StorageBackend
{
    private readonly TempDirectory _dir = new();

    public LiteDbBackend() => Store = new LiteDbStore(_dir.DatabaseFile);

    public LiteDbStore Store { get; private set; }

    public string DatabaseFile => _dir.DatabaseFile;

    public string Directory => _dir.Path;

    public override LiteDbEditionArchive Archive(TimeProvider time) => new(Store, time);

    public override LiteDbChatStore Chats() => new(Store);

    public override IEnumerable<Chat> InState(string channel, SubscriptionState state) => Chats().InState(channel, state);

    public override void SaveChats(IEnumerable<Chat> chats)
    {
        var store = Chats();
        Store.InTransaction(() =>
        {
            foreach (var chat in chats) store.Save(chat);
            return 0;
        });
    }

    public override IUpdateInbox Inbox(int remembered = IUpdateInbox.RememberedIds) => new LiteDbUpdateInbox(Store, remembered);

    public override int? InboxSize() => Store.Database.GetCollection(LiteDbUpdateInbox.Collection).Count();

    public override bool KeepsBody(string source, string id) =>
        Store.Database.GetCollection(LiteDbUpdateInbox.Collection).FindById($"{source}:{id}").ContainsKey("body");

    public override IBroadcastRequestStore Requests() => new LiteDbBroadcastRequestStore(Store);

    public override LiteDbDeliveryLedger Ledger(DeliveryOptions options, TimeProvider time) => new(Store, Options.Create(options), time);

    public override IReaderData ReaderData() => new LiteDbReaderData(Store);

    public override IStoryCounts StoryCounts() => new LiteDbStoryCounts(Store);

    public override IEnumerable<(string Where, string Text)> EveryRecord() =>
        [.. Store.Database.GetCollectionNames().SelectMany(name =>
            Store.Database.GetCollection(name).FindAll().Select(document => (name, LiteDB.JsonSerializer.Serialize(document))))];

    public override void Reopen()
    {
        Store.Dispose();
        Store = new LiteDbStore(_dir.DatabaseFile);
    }

    public override void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }

    public override ILoginTokenStore LoginTokens() => new LiteDbLoginTokenStore(Store);
}

/// <summary>The memory inbox and requests, which the host uses without a store: only those two.</summary>
public sealed class MemoryBackend : StorageBackend
{
    private readonly MemoryBroadcastRequestStore _requests = new();

    public override IEditionArchive Archive(TimeProvider time) => throw new NotSupportedException();

    public override IChatStore Chats() => throw new NotSupportedException();

    public override IEnumerable<Chat> InState(string channel, SubscriptionState state) => throw new NotSupportedException();

    public override void SaveChats(IEnumerable<Chat> chats) => throw new NotSupportedException();

    public override IUpdateInbox Inbox(int remembered = IUpdateInbox.RememberedIds) => new MemoryUpdateInbox(remembered);

    public override int? InboxSize() => null;

    public override bool KeepsBody(string source, string id) => throw new NotSupportedException();

    public override IBroadcastRequestStore Requests() => _requests;

    public override IDeliveryLedger Ledger(DeliveryOptions options, TimeProvider time) => throw new NotSupportedException();

    public override IReaderData ReaderData() => throw new NotSupportedException();

    public override IEnumerable<(string Where, string Text)> EveryRecord() => throw new NotSupportedException();

    public override void Reopen() => throw new NotSupportedException();

    public override void Dispose()
    {
    }

    public override ILoginTokenStore LoginTokens() => throw new NotSupportedException();
}
