namespace SocialReport.Storage.LiteDb.Tests;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_open_in_one_store_cannot_be_opened_by_another_until_it_is_closed()
    {
        var first = new LiteDbStore(_dir.DatabaseFile);

        var error = Assert.Throws<StorageInUseException>(() => new LiteDbStore(_dir.DatabaseFile));
        Assert.Contains(_dir.DatabaseFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("another SocialReport process", error.Message, StringComparison.Ordinal);

        first.Dispose();
        using var second = new LiteDbStore(_dir.DatabaseFile);
        Assert.Equal(SchemaMigrations.CurrentVersion, second.SchemaVersion);
    }
}
