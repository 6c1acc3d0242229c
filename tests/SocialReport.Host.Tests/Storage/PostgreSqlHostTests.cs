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
}
