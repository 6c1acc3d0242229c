using LiteDB.Engine;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// LiteDB's engine, with each commit flushed to the disk before it returns (<c>Storage:Durable</c>). LiteDB 5 writes a
/// commit's pages to its log file without fsync; here, after every write outside an explicit transaction (LiteDB
/// commits those on its own) and after every explicit commit, the log file is flushed to the disk. Transactions are
/// per thread in LiteDB, so is the flag telling an explicit one.
/// </summary>
internal sealed class DurableEngine(ILiteEngine engine, LogFileSync log) : ILiteEngine
{
    private readonly ThreadLocal<bool> _explicit = new();

    public bool BeginTrans()
    {
        var began = engine.BeginTrans();
        if (began) _explicit.Value = true;
        return began;
    }

    public bool Commit()
    {
        _explicit.Value = false;
        var committed = engine.Commit();
        if (committed) log.Flush();
        return committed;
    }

    public bool Rollback()
    {
        _explicit.Value = false;
        return engine.Rollback();
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Synced(engine.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Synced(engine.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Synced(engine.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Synced(engine.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Synced(engine.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Synced(engine.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Synced(engine.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Synced(engine.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Synced(engine.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Synced(engine.DropIndex(collection, name));

    public bool Pragma(string name, BsonValue value) => Synced(engine.Pragma(name, value));

    public BsonValue Pragma(string name) => engine.Pragma(name);

    public IBsonDataReader Query(string collection, Query query) => engine.Query(collection, query);

    // A checkpoint and a rebuild flush the data file themselves (FlushToDisk) before the log is emptied.
    public int Checkpoint() => engine.Checkpoint();

    public long Rebuild(RebuildOptions options) => engine.Rebuild(options);

    public void Dispose()
    {
        engine.Dispose();
        _explicit.Dispose();
    }

    private T Synced<T>(T result)
    {
        if (!_explicit.Value) log.Flush();
        return result;
    }
}
