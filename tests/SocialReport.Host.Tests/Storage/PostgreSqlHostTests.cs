using System.Net;
using Npgsql;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Storage;

namespace SocialReport.Host.Tests.Storage;

/// <summary>The host and its verbs on <c>Storage:Provider=PostgreSql</c>: the same archive, whichever process reads it, and no LiteDB file.</summary>
public sealed class PostgreSqlHostTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string> Settings(string seed = "") => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Storage:SeedDirectory"] = seed,
        ["Storage:SeedSamples"] = seed.Length > 0 ? "true" : "false",
    };

    [Fact]
    public async Task Serve_seeds_the_database_and_the_verbs_of_other_processes_read_and_write_it()
    {
        using (var served = await HostProcess.ServeAsync(_dir.DatabaseFile, Settings(RepositoryFiles.Editions)))
        {
            using var client = new HttpClient { BaseAddress = served.Address };
            Assert.Contains("\"Healthy\"", await client.GetStringAsync("/readyz"), StringComparison.Ordinal);

            var (publishExit, published, publishErrors) = await HostProcess.RunAsync(["publish", RepositoryFiles.Seed], _dir.DatabaseFile, Settings());
            Assert.True(publishExit == 0, publishErrors);
            Assert.StartsWith("unchanged: 2020-03-06 revision 1", published, StringComparison.Ordinal);
        }

        var (listExit, listed, listErrors) = await HostProcess.RunAsync(["archive"], _dir.DatabaseFile, Settings());

        Assert.True(listExit == 0, listErrors);
        using var store = new PostgreSqlStore(database.ConnectionString);
        var count = new PostgreSqlEditionArchive(store, TimeProvider.System).Count();
        Assert.True(count > 0);
        Assert.Equal(count, listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("2020-03-06", listed, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.DatabaseFile), "no LiteDB file was made");
    }

    [Fact]
    public async Task A_host_whose_database_does_not_answer_stays_up_says_why_on_readyz_and_is_ready_once_it_answers()
    {
        // A database not there yet: the server refuses the connection, as one still starting does.
        var name = $"socialreport_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer.ConnectionString) { Database = name, Password = "hunter2-secret" }.ConnectionString;
        var settings = Settings();
        settings["Storage:ConnectionString"] = connectionString;
        await using var server = NpgsqlDataSource.Create(PostgreSqlServer.ConnectionString);
        try
        {
            using var served = await HostProcess.ServeAsync(_dir.DatabaseFile, settings);
            using var client = new HttpClient { BaseAddress = served.Address };

            using (var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                var body = await notReady.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
                Assert.Contains("the database does not answer", body, StringComparison.Ordinal);
                Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            }
            Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
            Assert.False(served.Process.HasExited);

            await using (var create = server.CreateCommand($"CREATE DATABASE {name}")) await create.ExecuteNonQueryAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
                if (ready.StatusCode == HttpStatusCode.OK) break;
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            Assert.False(served.Process.HasExited);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
