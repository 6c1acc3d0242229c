using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database of the process (and of every other host sharing it): a pool of connections, its schema
/// migrated to <see cref="SchemaMigrations.CurrentVersion"/> when opened. Thread-safe; share this instance.
/// </summary>
public sealed class PostgreSqlStore : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly Lock _opening = new();
    private volatile bool _open;

    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="waitForServer">
    /// A server that does not answer yet is no error here: the schema is migrated on the first use that reaches it (a host
    /// keeps running meanwhile, <see cref="PostgreSqlStartup"/> retrying). Without it (the verbs), it fails at once.
    /// </param>
    public PostgreSqlStore(string connectionString, ILogger<PostgreSqlStore>? logger = null, bool waitForServer = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _logger = logger ?? NullLogger<PostgreSqlStore>.Instance;
        try
        {
            Open();
        }
        catch (NpgsqlException) when (waitForServer)
        {
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>The pool, once the schema is migrated: a use before that migrates it first, or throws while the server does not answer.</summary>
    public NpgsqlDataSource DataSource
    {
        get
        {
            if (!_open) Open();
            return _dataSource;
        }
    }

    /// <summary>Whether the server answered once and the schema is migrated.</summary>
    public bool IsOpen => _open;

    /// <summary>The schema version once opened: always <see cref="SchemaMigrations.CurrentVersion"/>.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Migrates the schema unless done; one caller at a time tries, the others are told the server is not reached yet.</summary>
    internal void Open()
    {
        if (!_opening.TryEnter()) throw new NpgsqlException("The PostgreSQL database is not reached yet.");
        try
        {
            if (_open) return;
            SchemaVersion = SchemaMigrations.Upgrade(_dataSource, _logger);
            _open = true;
        }
        finally
        {
            _opening.Exit();
        }
    }

    /// <summary>A command on a connection of its own, for a single statement (its own transaction).</summary>
    internal NpgsqlCommand Command(string sql) => DataSource.CreateCommand(sql);

    /// <summary>Runs <paramref name="work"/> on one connection in one transaction: all of its writes land, or none.</summary>
    internal T InTransaction<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection);
        transaction.Commit();
        return result;
    }

    public void Dispose() => _dataSource.Dispose();
}
