using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary><see cref="LiteDbStore.BackUp"/> while the store is in use, <see cref="LiteDbStore.Restore"/>, and the scheduled backups.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_backup_has_every_commit_made_before_it_even_those_still_in_the_log()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        var rows = store.Database.GetCollection("rows");
        for (var i = 0; i < 10; i++) rows.Insert(new BsonDocument { ["_id"] = i });
        Assert.True(new FileInfo(LogFileSync.LogFileOf(_dir.DatabaseFile)).Length > 0, "the commits are in the log, not yet in the data file");

        var bytes = store.BackUp(_dir.File("backups/copy.db"));

        Assert.Equal(new FileInfo(_dir.File("backups/copy.db")).Length, bytes);
        rows.Insert(new BsonDocument { ["_id"] = 10 });
        Assert.Equal(11, rows.Count());
        using var copy = new LiteDbStore(_dir.File("backups/copy.db"));
        Assert.Equal(Enumerable.Range(0, 10), copy.Database.GetCollection("rows").FindAll().Select(d => d["_id"].AsInt32).Order());
        Assert.Equal(1000, copy.Database.CheckpointSize);
        Assert.Equal(1000, store.Database.CheckpointSize);
    }

    [Fact]
    public async Task A_backup_taken_while_transactions_commit_holds_each_of_them_whole_or_not_at_all()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        var pairs = store.Database.GetCollection("pairs");
        var singles = store.Database.GetCollection("singles");
        using var stop = new CancellationTokenSource();
        using var progress = new SemaphoreSlim(0);
        var committed = 0;
        // Each transaction writes one document in each collection: a copy that is not of one instant splits some.
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                store.InTransaction(() =>
                {
                    pairs.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 2000) });
                    return singles.Insert(new BsonDocument { ["_id"] = i });
                });
                Volatile.Write(ref committed, i + 1);
                if (i % 100 == 0) progress.Release();
            }
        });
        await CommittedAsync(2000);
        var before = Volatile.Read(ref committed);

        store.BackUp(_dir.File("copy.db"));
        await CommittedAsync(before + 200);
        await stop.CancelAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(60));

        async Task CommittedAsync(int count)
        {
            while (Volatile.Read(ref committed) < count) await progress.WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        using var copy = new LiteDbStore(_dir.File("copy.db"));
        var copiedPairs = copy.Database.GetCollection("pairs").FindAll().Select(d => d["_id"].AsInt32).Order().ToList();
        var copiedSingles = copy.Database.GetCollection("singles").FindAll().Select(d => d["_id"].AsInt32).Order().ToList();
        Assert.Equal(copiedPairs, copiedSingles);
        Assert.Equal(Enumerable.Range(0, copiedPairs.Count), copiedPairs);
        Assert.InRange(copiedPairs.Count, before, Volatile.Read(ref committed) - 1);
    }

    [Fact]
    public void A_backup_never_overwrites_a_file()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        File.WriteAllText(_dir.File("copy.db"), "keep me");

        var error = Assert.Throws<IOException>(() => store.BackUp(_dir.File("copy.db")));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(_dir.File("copy.db")));
    }

    [Fact]
    public void Restore_refuses_a_file_in_use_and_an_existing_one_unless_replacing_and_drops_the_old_log()
    {
        using (var store = new LiteDbStore(_dir.DatabaseFile))
        {
            store.Database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = "backed up" });
            store.BackUp(_dir.File("copy.db"));
            store.Database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = "later" });

            Assert.Throws<StorageInUseException>(() => LiteDbStore.Restore(_dir.File("copy.db"), _dir.DatabaseFile, replace: true));
        }
        var refused = Assert.Throws<IOException>(() => LiteDbStore.Restore(_dir.File("copy.db"), _dir.DatabaseFile, replace: false));
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);

        // A log left by a process that was killed holds commits of the old file, which must not reach the restored one.
        File.WriteAllBytes(LogFileSync.LogFileOf(_dir.DatabaseFile), new byte[8192]);
        LiteDbStore.Restore(_dir.File("copy.db"), _dir.DatabaseFile, replace: true);

        Assert.False(File.Exists(LogFileSync.LogFileOf(_dir.DatabaseFile)));
        using var restored = new LiteDbStore(_dir.DatabaseFile);
        Assert.Equal(["backed up"], restored.Database.GetCollection("rows").FindAll().Select(d => d["_id"].AsString));
        Assert.Equal(["copy.db", "socialreport.db", "socialreport.db.lock"], Directory.EnumerateFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Restore_refuses_a_file_that_is_not_a_LiteDB_database_and_leaves_the_target_as_it_was()
    {
        File.WriteAllText(_dir.File("notes.txt"), new string('x', 20_000));

        Assert.ThrowsAny<Exception>(() => LiteDbStore.Restore(_dir.File("notes.txt"), _dir.File("new/socialreport.db"), replace: false));

        Assert.Equal(["socialreport.db.lock"], Directory.EnumerateFiles(_dir.File("new")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Scheduled_backups_come_at_each_occurrence_of_the_cron_and_only_the_newest_Keep_stay()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        var rows = store.Database.GetCollection("rows");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero));
        var options = new StorageOptions { Backup = { Cron = "0 3 * * *", Directory = _dir.File("backups"), Keep = 2 } };
        var backups = new ScheduledBackups(store, Options.Create(options), time, NullLogger<ScheduledBackups>.Instance);

        var files = new List<string?>();
        for (var day = 0; day < 3; day++)
        {
            rows.Insert(new BsonDocument { ["_id"] = day });
            var next = backups.NextAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(89));
            Assert.False(next.IsCompleted, "no backup before 03:00");
            time.Advance(TimeSpan.FromMinutes(1));
            files.Add(await next.WaitAsync(TimeSpan.FromSeconds(60)));
            time.Advance(TimeSpan.FromHours(22.5));
        }

        Assert.Equal(["socialreport-20261201T030000Z.db", "socialreport-20261202T030000Z.db", "socialreport-20261203T030000Z.db"], files.Select(Path.GetFileName));
        Assert.Equal(files.Skip(1), Directory.EnumerateFiles(_dir.File("backups")).Order(StringComparer.Ordinal));
        using var last = new LiteDbStore(files[^1]!);
        Assert.Equal(3, last.Database.GetCollection("rows").Count());
    }

    [Theory]
    [InlineData("LiteDb", "0 3 * * *", 7, null)]
    [InlineData("LiteDb", "", 7, null)]
    [InlineData("PostgreSql", "", 7, null)]
    [InlineData("LiteDb", "every night", 7, "Storage:Backup:Cron 'every night' is not a cron expression (minute hour day month weekday).")]
    [InlineData("LiteDb", "0 3 * * *", 0, "Storage:Backup:Keep must be between 1 and 10000.")]
    [InlineData("PostgreSql", "0 3 * * *", 7, "Storage:Backup:Cron backs up the LiteDB file; back up PostgreSQL with pg_dump.")]
    public void Backup_settings_are_checked_at_start(string provider, string cron, int keep, string? error)
    {
        var options = new StorageOptions { Provider = provider, Backup = { Cron = cron, Keep = keep } };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(error, result.Failed ? Assert.Single(result.Failures) : null);
    }
}
