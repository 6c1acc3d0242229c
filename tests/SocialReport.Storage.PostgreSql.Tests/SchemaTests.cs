using Npgsql;

namespace SocialReport.Storage.PostgreSql.Tests;

/// <summary>The schema comes from the numbered migrations, once, and a database migrated by a newer build is refused.</summary>
public sealed class SchemaTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>
{
    [Fact]
    public async Task Hosts_opening_a_new_database_together_migrate_it_once_and_a_newer_schema_is_refused()
    {
        using var go = new ManualResetEventSlim();
        var opening = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            go.Wait();
            using var store = new PostgreSqlStore(database.ConnectionString);
            return store.SchemaVersion;
        })).ToList();
        go.Set();

        Assert.All(await Task.WhenAll(opening), version => Assert.Equal(SchemaMigrations.CurrentVersion, version));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var versions = dataSource.CreateCommand("SELECT array_agg(version ORDER BY version) FROM schema_version"))
            Assert.Equal(SchemaMigrations.Versions, (int[])(await versions.ExecuteScalarAsync())!);

        await using (var newer = dataSource.CreateCommand($"INSERT INTO schema_version (version) VALUES ({SchemaMigrations.CurrentVersion + 1})"))
            await newer.ExecuteNonQueryAsync();
        var error = Assert.Throws<InvalidOperationException>(() => new PostgreSqlStore(database.ConnectionString));
        Assert.Contains($"schema version {SchemaMigrations.CurrentVersion + 1}, written by a newer build", error.Message, StringComparison.Ordinal);
    }
}
