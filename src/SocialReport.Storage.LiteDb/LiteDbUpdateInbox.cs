namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The inbox in the collection <c>inbox</c> of the store's file: one document per update, keyed <c>source:id</c> and
/// numbered in arrival order. A completed update keeps its key but not its body, so that a repeat is recognised, as
/// long as it is among the latest <see cref="IUpdateInbox.RememberedIds"/> updates; older completed ones are deleted
/// (pending ones never). Each call returns once committed; calls made at once share one commit (<see cref="GroupCommit"/>),
/// so that a burst of updates does not queue one commit at a time behind a broadcast's writes to the same file.
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
        Writes = new GroupCommit(store);
        _inbox.EnsureIndex(Sequence, "$." + Sequence);
        _inbox.EnsureIndex(PendingIn, "$." + PendingIn);
        var last = _inbox.Query().OrderByDescending("$." + Sequence).Limit(1).FirstOrDefault();
        _sequence = last?[Sequence].AsInt64 ?? 0;
    }

    /// <summary>Every write to the inbox goes through it.</summary>
    internal GroupCommit Writes { get; }

    public bool Add(string source, string id, string body) => Writes.Run(Adding(source, id, body));

    public Task<bool> AddAsync(string source, string id, string body) => Writes.RunAsync(Adding(source, id, body));

    private Func<bool> Adding(string source, string id, string body)
    {
        if (body.Length > IUpdateInbox.MaxBodyChars)
            throw new ArgumentException($"An update over {IUpdateInbox.MaxBodyChars} characters is not kept.", nameof(body));
        var key = Key(source, id);
        // Looked up rather than caught as a duplicate key: a failed insert would roll back the writes sharing its commit.
        return () =>
        {
            if (_inbox.FindById(key) is not null) return false;
            _inbox.Insert(new BsonDocument
            {
                ["_id"] = key,
                [Sequence] = Interlocked.Increment(ref _sequence),
                [PendingIn] = source,
                [Body] = body,
                [Replays] = 0,
            });
            return true;
        };
    }

    public void Complete(string source, string id) => Writes.Run(Completing(source, id));

    public Task CompleteAsync(string source, string id) => Writes.RunAsync(Completing(source, id));

    private Func<bool> Completing(string source, string id) => () =>
    {
        if (_inbox.FindById(Key(source, id)) is not { } doc) return false;
        doc.Remove(Body);
        doc[PendingIn] = BsonValue.Null;
        _inbox.Update(doc);
        if (Interlocked.Increment(ref _completions) % _pruneEvery == 0) Prune();
        return true;
    };

    public void Remove(string source, string id) => Writes.Run(() => _inbox.Delete(Key(source, id)));

    public IReadOnlyList<InboxEntry> Replay(string source) => _store.InTransaction(() =>
    {
        var pending = _inbox.Find(Queries.Equal(PendingIn, source)).OrderBy(doc => doc[Sequence].AsInt64).ToList();
        foreach (var doc in pending)
        {
            doc[Replays] = doc[Replays].AsInt32 + 1;
            _inbox.Update(doc);
        }
        return (IReadOnlyList<InboxEntry>)[.. pending.Select(doc => new InboxEntry(doc["_id"].AsString[(source.Length + 1)..], doc[Body].AsString, doc[Replays].AsInt32))];
    });

    /// <summary>
    /// Deletes the completed updates older than the latest remembered ones; pending ones stay. One query text with
    /// parameters: <c>Query.And</c> writes its operands' values into the text, and LiteDB keeps every text it compiles.
    /// </summary>
    private void Prune() =>
        _inbox.DeleteMany(PruneQuery, Volatile.Read(ref _sequence) - _remembered, BsonValue.Null);

    private const string PruneQuery = "$." + Sequence + " <= @0 AND $." + PendingIn + " = @1";

    private static string Key(string source, string id) => source + ":" + id;
}
