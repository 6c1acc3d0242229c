using Npgsql;

namespace SocialReport.Testing.Storage;

/// <summary>A database of its own on the test server (a random name), for one test class: classes run in parallel; dropped at the end.</summary>
public sealed class PostgreSqlDatabase : IDisposable
{
    private readonly string _name = $"socialreport_test_{Guid.NewGuid():N}";

    public PostgreSqlDatabase()
    {
        using var server = NpgsqlDataSource.Create(PostgreSqlServer.ConnectionString);
        using (var create = server.CreateCommand($"CREATE DATABASE {_name}")) create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer.ConnectionString) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var server = NpgsqlDataSource.Create(PostgreSqlServer.ConnectionString);
        using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        drop.ExecuteNonQuery();
    }
}
