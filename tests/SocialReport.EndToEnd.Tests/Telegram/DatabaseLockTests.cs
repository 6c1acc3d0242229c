using SocialReport.Storage.LiteDb;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>One process at a time per LiteDB file: a second one is refused instead of sharing (and corrupting) it.</summary>
public sealed class DatabaseLockTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    [Fact]
    public async Task A_running_hosts_database_cannot_be_opened_by_another_process()
    {
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off });
        using var directory = new TempDirectory();
        var database = directory.DatabaseFile;
        using (var host = await TelegramHostProcess.StartAsync(fake, database, editor: 5001))
        {
            try
            {
                await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") > 0, TimeSpan.FromSeconds(30), "the host to start");
                var error = Assert.Throws<StorageInUseException>(() => new LiteDbStore(database));
                Assert.Contains("open in another SocialReport process", error.Message, StringComparison.Ordinal);

                // The console chat next to the running host: one line on stderr, exit code 3, nothing written.
                var (exitCode, output, errors) = await HostProcess.RunAsync(["chat"], database, input: ["/latest"]);
                Assert.Equal(3, exitCode);
                Assert.Equal($"{database} is open in another SocialReport process: a LiteDB file takes one at a time. "
                    + "Stop that process, or give this one another Storage:Path.", errors.Trim());
                Assert.Empty(output);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        using (var store = new LiteDbStore(database)) Assert.Equal(SchemaMigrations.CurrentVersion, store.SchemaVersion);
    }
}
