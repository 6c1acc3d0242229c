using LiteDB;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>
/// <c>Storage:Durable</c>: LiteDB 5 does not fsync its log file at commit, so the store flushes that file to the disk
/// after each commit. Checked at the seam (the flushes counted on the real log file); the disk itself can't be.
/// </summary>
public sealed class DurableCommitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_durable_store_flushes_the_log_file_once_per_commit_and_never_for_a_read_or_a_rollback()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile, durable: true);
        var sync = store.LogFile!;
        var rows = store.Database.GetCollection("rows");
        var before = sync.Flushes;

        rows.Insert(new BsonDocument { ["_id"] = 1 });
        Assert.Equal(before + 1, sync.Flushes);
        Assert.Equal(Path.Combine(_dir.Path, "socialreport-log.db"), sync.LogFile);
        Assert.True(new FileInfo(sync.LogFile).Length > 0, "the commit is in the log file the store flushes");

        store.InTransaction(() =>
        {
            rows.Insert(new BsonDocument { ["_id"] = 2 });
            rows.Update(new BsonDocument { ["_id"] = 2, ["n"] = 1 });
            rows.Delete(1);
            Assert.Equal(before + 1, sync.Flushes);
            return true;
        });
        Assert.Equal(before + 2, sync.Flushes);

        Assert.Throws<InvalidOperationException>(() => store.InTransaction<bool>(() =>
        {
            rows.Insert(new BsonDocument { ["_id"] = 3 });
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Single(rows.FindAll());
        Assert.Equal(1, rows.Count());
        rows.Upsert(new BsonDocument { ["_id"] = 4 });
        Assert.Equal(before + 3, sync.Flushes);
    }

    [Fact]
    public void A_store_is_not_durable_unless_asked()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);

        Assert.Null(store.LogFile);
    }

    [Fact]
    public void A_durable_store_reads_what_an_ordinary_one_wrote_and_the_other_way_round()
    {
        using (var store = new LiteDbStore(_dir.DatabaseFile))
            store.Database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 });
        using (var store = new LiteDbStore(_dir.DatabaseFile, durable: true))
            store.Database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 2 });

        using var reopened = new LiteDbStore(_dir.DatabaseFile);
        Assert.Equal([1, 2], reopened.Database.GetCollection("rows").FindAll().Select(d => d["_id"].AsInt32));
    }
}
