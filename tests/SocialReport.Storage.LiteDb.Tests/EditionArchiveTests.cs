namespace SocialReport.Storage.LiteDb.Tests;

public sealed class EditionArchiveTests() : EditionArchiveContract(new LiteDbBackend())
{
    private LiteDbBackend LiteDb => (LiteDbBackend)Backend;

    [Fact]
    public void What_was_committed_survives_the_process_dying_without_closing_the_file()
    {
        Archive.Publish(TestEditions.Full());
        Archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13)));

        // The files as a killed process leaves them: copied while the store is still open, before any checkpoint.
        var crashed = Path.Combine(LiteDb.Directory, "crashed");
        Directory.CreateDirectory(crashed);
        // (Not the lock file: the lock dies with the process.)
        foreach (var file in Directory.GetFiles(LiteDb.Directory).Where(file => !file.EndsWith(".lock", StringComparison.Ordinal)))
        {
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(Path.Combine(crashed, Path.GetFileName(file)));
            source.CopyTo(target);
        }
        Assert.True(new FileInfo(Path.Combine(crashed, "socialreport-log.db")).Length > 0, "the commits are still in the journal");

        using var recovered = new LiteDbStore(Path.Combine(crashed, "socialreport.db"));
        var archive = new LiteDbEditionArchive(recovered, Time);

        Assert.Equal(2, archive.Count());
        TestEditions.AssertSame(TestEditions.Full(), archive.Get("2020-03-06"));
    }
}
