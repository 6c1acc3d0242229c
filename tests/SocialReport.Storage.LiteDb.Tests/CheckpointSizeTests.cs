using LiteDB;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>The store's automatic checkpoint, larger than LiteDB's own so that its page cache is emptied less often.</summary>
public sealed class CheckpointSizeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_file_checkpoints_every_five_thousand_pages()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);

        Assert.Equal(5000, store.Database.CheckpointSize);
    }

    [Fact]
    public void A_file_made_with_litedbs_own_checkpoint_size_is_opened_with_the_stores()
    {
        using (var plain = new LiteDatabase(new ConnectionString { Filename = _dir.DatabaseFile }))
        {
            plain.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 });
            Assert.Equal(1000, plain.CheckpointSize);
        }

        using (var store = new LiteDbStore(_dir.DatabaseFile)) Assert.Equal(5000, store.Database.CheckpointSize);
        using var reopened = new LiteDatabase(new ConnectionString { Filename = _dir.DatabaseFile });
        Assert.Equal(5000, reopened.CheckpointSize);
    }
}
