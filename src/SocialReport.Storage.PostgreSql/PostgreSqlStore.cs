using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database of the process (and of every other host sharing it): a pool of connections, its schema
/// migrated to <see cref="SchemaMigrations.CurrentVersion"/> when opened. Thread-safe; share this instance.
/// </summary>
public sealed class PostgreSqlStore : IDisposable
{
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgreSqlStore(string connectionString, ILogger<PostgreSqlStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            SchemaVersion = SchemaMigrations.Upgrade(DataSource, logger ?? NullLogger<PostgreSqlStore>.Instance);
        }
        catch
        {
            DataSource.Dispose();
            throw;
        }
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The schema version once opened: always <see cref="SchemaMigrations.CurrentVersion"/>.</summary>
    public int SchemaVersion { get; }

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

    public void Dispose() => DataSource.Dispose();
}
