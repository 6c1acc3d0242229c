using SocialReport.Storage.LiteDb;
using SocialReport.Testing.Storage;

namespace SocialReport.Host.Tests.Storage;

/// <summary><c>backup</c> and <c>restore</c> with no host running, as their own process; next to a running host: the end-to-end tests.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Backup_of_a_stopped_store_then_restore_into_a_new_path_gives_the_same_archive()
    {
        using (var store = new LiteDbStore(_dir.DatabaseFile)) new LiteDbEditionArchive(store, TimeProvider.System).Publish(TestEditions.Full());
        var (backup, restored) = (_dir.File("copy.db"), _dir.File("elsewhere/socialreport.db"));

        var (backupExit, backupOutput, backupErrors) = await HostProcess.RunAsync(["backup", backup], _dir.DatabaseFile);
        var (restoreExit, restoreOutput, restoreErrors) = await HostProcess.RunAsync(["restore", backup], restored);
        var (againExit, _, again) = await HostProcess.RunAsync(["restore", backup], restored);

        Assert.True(backupExit == 0, backupErrors);
        Assert.StartsWith($"backed up {_dir.DatabaseFile} to {backup} (", backupOutput.Trim(), StringComparison.Ordinal);
        Assert.True(restoreExit == 0, restoreErrors);
        Assert.Equal($"restored {backup} to {restored}", restoreOutput.Trim());
        Assert.Equal(1, againExit);
        Assert.Equal($"restore: {restored} already exists: restore into another Storage:Path, or replace it with --replace.", again.Trim());
        using var copy = new LiteDbStore(restored);
        TestEditions.AssertSame(TestEditions.Full(), new LiteDbEditionArchive(copy, TimeProvider.System).Get(TestEditions.Full().Id));
    }

    [Fact]
    public async Task Backup_and_restore_of_PostgreSQL_say_pg_dump_and_pg_restore()
    {
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = "Host=db.invalid;Database=socialreport" };

        var (backupExit, _, backupErrors) = await HostProcess.RunAsync(["backup", _dir.File("copy.dump")], _dir.DatabaseFile, settings);
        var (restoreExit, _, restoreErrors) = await HostProcess.RunAsync(["restore", _dir.File("copy.dump")], _dir.DatabaseFile, settings);

        Assert.Equal((1, 1), (backupExit, restoreExit));
        Assert.Contains("pg_dump --format=custom", backupErrors, StringComparison.Ordinal);
        Assert.Contains("pg_restore", restoreErrors, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("copy.dump")));
    }
}
