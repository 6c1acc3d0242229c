using LiteDB.Engine;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The one LiteDB file of the process (direct connection, journal on), upgraded to the current schema when opened.
/// <see cref="LiteDatabase"/> is thread-safe; share this instance.
/// <para>
/// Only one store may have a file open at a time. LiteDB's direct connection keeps its pages cached and lets other
/// processes open the file on Linux, where two writers would corrupt it; a lock file taken exclusively beside it
/// (<c>socialreport.db.lock</c>) turns a second host, or a <c>chat</c> verb next to a running host, into a clear error.
/// </para>
/// <para>
/// A commit survives the process's death as soon as it returns (LiteDB has written it to its log file), but not a power
/// loss or a system crash unless <c>durable</c>: LiteDB does not fsync its log at commit, only the data file at a checkpoint.
/// </para>
/// </summary>
public sealed partial class LiteDbStore : IDisposable
{
    private readonly FileStream _lock;

    static LiteDbStore() => PageCacheSegments.Apply();

    /// <param name="path">The file; its directory is created.</param>
    /// <param name="durable">Flush every commit to the disk before it returns (<see cref="DurableEngine"/>).</param>
    public LiteDbStore(string path, bool durable = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _lock = Lock(FilePath);

        // A direct connection, as LiteDatabase(ConnectionString) opens it, so that the engine can be wrapped.
        var settings = new EngineSettings
        {
            Filename = FilePath,
            // Keys (chat ids) are case-sensitive and must sort the same on every machine: ordinal, not the
            // current culture ignoring case (LiteDB's default). A collation can only be chosen at creation;
            // older files are rebuilt by the schema migration.
            Collation = File.Exists(FilePath) ? null : Collation.Binary,
        };
        LogFile = durable ? new LogFileSync(FilePath) : null;
        LiteDatabase? database = null;
        try
        {
            var engine = new LiteEngine(settings);
            database = new LiteDatabase(LogFile is null ? engine : new DurableEngine(engine, LogFile));
            SchemaVersion = SchemaMigrations.Upgrade(database);
            // A backup turns the automatic checkpoint off while it copies; a process killed meanwhile left it off.
            if (database.CheckpointSize == 0) database.CheckpointSize = DefaultCheckpointSize;
            // Dates are stored as UTC instants; read them back as UTC, not as local time. After the upgrade,
            // which may rebuild the file.
            database.UtcDate = true;
            Database = database;
        }
        catch
        {
            database?.Dispose();
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>The log file's fsync when the store is durable, else null.</summary>
    internal LogFileSync? LogFile { get; }

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version of the file once opened: always <see cref="SchemaMigrations.CurrentVersion"/>.</summary>
    public int SchemaVersion { get; }

    /// <summary>The open database, for collections other stores of this file add (e.g. a delivery ledger).</summary>
    public LiteDatabase Database { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: all of its writes land, or none (even if the process dies).
    /// LiteDB transactions belong to the calling thread; one already open on it is joined, and its owner commits.
    /// </summary>
    public T InTransaction<T>(Func<T> work) => InTransaction(Database, work);

    /// <summary><see cref="InTransaction{T}(Func{T})"/> on a database no store holds yet (the schema migrations, at open).</summary>
    internal static T InTransaction<T>(LiteDatabase database, Func<T> work)
    {
        var owner = database.BeginTrans();
        try
        {
            var result = work();
            if (owner) database.Commit();
            return result;
        }
        catch
        {
            if (owner) database.Rollback();
            throw;
        }
    }

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
    }

    /// <summary>The lock file beside <paramref name="path"/>, taken exclusively: the file is this process's until it is disposed.</summary>
    internal static FileStream Lock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StorageInUseException(path, e);
        }
    }
}
