namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The inbox in the collection <c>inbox</c> of the store's file: one document per update, keyed <c>source:id</c> and
/// numbered in arrival order. A completed update keeps its key but not its body, so that a repeat is recognised, as
/// long as it is among the latest <see cref="IUpdateInbox.RememberedIds"/> updates; older completed ones are deleted
/// (pending ones never). Each call is one commit.
/// </summary>
public sealed class LiteDbUpdateInbox : IUpdateInbox
{
    internal const string Collection = "inbox";
    private const string Sequence = "seq";
    // The source while pending, null once completed: the pending updates of a source are one index lookup.
    private const string PendingIn = "pending";
    private const string Body = "body";
    private const string Replays = "replays";

    private readonly LiteDbStore _store;
    private readonly ILiteCollection<BsonDocument> _inbox;
    private readonly int _remembered;
    private readonly int _pruneEvery;
    private long _sequence;
    private int _completions;

    public LiteDbUpdateInbox(LiteDbStore store)
        : this(store, IUpdateInbox.RememberedIds)
    {
    }

    internal LiteDbUpdateInbox(LiteDbStore store, int remembered)
    {
        _store = store;
        _remembered = remembered;
        _pruneEvery = Math.Max(1, remembered / 20);
        _inbox = store.Database.GetCollection(Collection);
        _inbox.EnsureIndex(Sequence, "$." + Sequence);
        _inbox.EnsureIndex(PendingIn, "$." + PendingIn);
        var last = _inbox.Query().OrderByDescending("$." + Sequence).Limit(1).FirstOrDefault();
        _sequence = last?[Sequence].AsInt64 ?? 0;
    }

    public bool Add(string source, string id, string body)
    {
        if (body.Length > IUpdateInbox.MaxBodyChars)
            throw new ArgumentException($"An update over {IUpdateInbox.MaxBodyChars} characters is not kept.", nameof(body));
        var doc = new BsonDocument
        {
            ["_id"] = Key(source, id),
            [Sequence] = Interlocked.Increment(ref _sequence),
            [PendingIn] = source,
            [Body] = body,
            [Replays] = 0,
        };
        try
        {
            _inbox.Insert(doc);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Complete(string source, string id)
    {
        if (_inbox.FindById(Key(source, id)) is not { } doc) return;
        doc.Remove(Body);
        doc[PendingIn] = BsonValue.Null;
        _inbox.Update(doc);
        if (Interlocked.Increment(ref _completions) % _pruneEvery == 0) Prune();
    }

    public void Remove(string source, string id) => _inbox.Delete(Key(source, id));

    public IReadOnlyList<InboxEntry> Replay(string source) => _store.InTransaction(() =>
    {
        var pending = _inbox.Find(Query.EQ(PendingIn, source)).OrderBy(doc => doc[Sequence].AsInt64).ToList();
        foreach (var doc in pending)
        {
            doc[Replays] = doc[Replays].AsInt32 + 1;
            _inbox.Update(doc);
        }
        return (IReadOnlyList<InboxEntry>)[.. pending.Select(doc => new InboxEntry(doc["_id"].AsString[(source.Length + 1)..], doc[Body].AsString, doc[Replays].AsInt32))];
    });

    /// <summary>Deletes the completed updates older than the latest remembered ones; pending ones stay.</summary>
    private void Prune() =>
        _inbox.DeleteMany(Query.And(Query.LTE(Sequence, Volatile.Read(ref _sequence) - _remembered), Query.EQ(PendingIn, BsonValue.Null)));

    private static string Key(string source, string id) => source + ":" + id;
}
