namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The inbox in <c>inbox</c>: one row per update, keyed by source and id, numbered in arrival order. The key is what
/// makes a repeated update handled once, whichever host receives it. A completed update keeps its key but not its
/// body while it is among the latest <see cref="IUpdateInbox.RememberedIds"/>; older completed ones are deleted (pending ones never).
/// </summary>
public sealed class PostgreSqlUpdateInbox : IUpdateInbox
{
    private readonly PostgreSqlStore _store;
    private readonly int _remembered;
    private readonly int _pruneEvery;
    private int _completions;

    public PostgreSqlUpdateInbox(PostgreSqlStore store)
        : this(store, IUpdateInbox.RememberedIds)
    {
    }

    internal PostgreSqlUpdateInbox(PostgreSqlStore store, int remembered)
    {
        _store = store;
        _remembered = remembered;
        _pruneEvery = Math.Max(1, remembered / 20);
    }

    public bool Add(string source, string id, string body)
    {
        if (body.Length > IUpdateInbox.MaxBodyChars)
            throw new ArgumentException($"An update over {IUpdateInbox.MaxBodyChars} characters is not kept.", nameof(body));
        return _store.Command("INSERT INTO inbox (source, id, pending, body) VALUES (@source, @id, true, @body) ON CONFLICT DO NOTHING")
            .With("source", source).With("id", id).With("body", body).Execute() == 1;
    }

    public void Complete(string source, string id)
    {
        _store.Command("UPDATE inbox SET pending = false, body = NULL WHERE source = @source AND id = @id").With("source", source).With("id", id).Execute();
        if (Interlocked.Increment(ref _completions) % _pruneEvery == 0) Prune();
    }

    public void Remove(string source, string id) =>
        _store.Command("DELETE FROM inbox WHERE source = @source AND id = @id").With("source", source).With("id", id).Execute();

    public IReadOnlyList<InboxEntry> Replay(string source) =>
        [.. _store.Command("UPDATE inbox SET replays = replays + 1 WHERE source = @source AND pending RETURNING seq, id, body, replays")
            .With("source", source)
            .Read(reader => (Seq: reader.GetInt64(0), Entry: new InboxEntry(reader.GetString(1), reader.GetString(2), reader.GetInt32(3))))
            .OrderBy(row => row.Seq)
            .Select(row => row.Entry)];

    /// <summary>Deletes the completed updates older than the latest remembered ones; pending ones stay.</summary>
    private void Prune() =>
        _store.Command("DELETE FROM inbox WHERE NOT pending AND seq <= (SELECT max(seq) FROM inbox) - @remembered").With("remembered", _remembered).Execute();
}
