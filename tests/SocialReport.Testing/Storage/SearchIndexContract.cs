using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Core.Search;

namespace SocialReport.Testing.Storage;

/// <summary>
/// The search index kept on disk beside a store: a restart indexes only what the archive gained or changed meanwhile,
/// told by the content hashes the store lists, and never serves stories the archive no longer has.
/// </summary>
public abstract class SearchIndexContract : IDisposable
{
    private readonly TempDirectory _dir = new("socialreport-index-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 6, 8, 0, 0, TimeSpan.Zero));

    protected SearchIndexContract(StorageBackend backend)
    {
        Backend = backend;
        Archive = backend.Archive(_time);
    }

    protected StorageBackend Backend { get; }

    private IEditionArchive Archive { get; }

    private string IndexPath => _dir.File("search");

    public void Dispose()
    {
        Backend.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Edition Week(int week, string text) =>
        TestEditions.Weekly(new DateOnly(2020, 3, 6).AddDays(7 * week), text: text) is var edition
            ? edition with { Stories = [.. edition.Stories.Select(s => s with { Topics = [$"topic{week}"] })] }
            : throw new InvalidOperationException();

    private static IReadOnlyList<string> Found(LuceneStoryIndex index, string words) =>
        [.. index.Search(words, 0, 100).Hits.Select(h => h.StoryId).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_first_start_indexes_the_whole_archive_and_the_next_one_nothing()
    {
        for (var week = 0; week < 5; week++) Archive.Publish(Week(week, $"Texte de la semaine numero{week}."));

        using (var first = LuceneStoryIndex.Open(IndexPath))
        {
            Assert.Equal(5, first.Sync(Archive));
            Assert.Equal(["2020-03-13/1", "2020-03-13/2"], Found(first, "numero1"));
        }

        using var second = LuceneStoryIndex.Open(IndexPath);
        Assert.Equal(0, second.Sync(Archive));
        Assert.Equal(["2020-03-13/1", "2020-03-13/2"], Found(second, "numero1"));
        Assert.Equal(5, second.FrequentTopics(10, 10).Count);
        Assert.Equal(new TopicCount("topic4", 2), second.FrequentTopics(1, 10).Single());
    }

    [Fact]
    public void A_restart_with_nothing_changed_leaves_the_index_files_as_they_were()
    {
        for (var week = 0; week < 3; week++) Archive.Publish(Week(week, $"Texte de la semaine numero{week}."));
        using (var first = LuceneStoryIndex.Open(IndexPath)) first.Sync(Archive);
        var written = IndexFiles();

        using (var second = LuceneStoryIndex.Open(IndexPath))
        {
            Assert.Equal(0, second.Sync(Archive));
            Assert.Equal(["2020-03-13/1", "2020-03-13/2"], Found(second, "numero1"));
            Assert.Equal(new TopicCount("topic2", 2), second.FrequentTopics(1, 10).Single());
        }

        Assert.Equal(written, IndexFiles());
    }

    [Fact]
    public void What_a_restart_with_nothing_changed_then_indexes_or_removes_is_kept_for_the_next_one()
    {
        Archive.Publish(Week(0, "Premier texte."));
        Archive.Publish(Week(1, "Deuxième texte."));
        using (var first = LuceneStoryIndex.Open(IndexPath)) first.Sync(Archive);
        using (var second = LuceneStoryIndex.Open(IndexPath))
        {
            second.Sync(Archive);
            var edition = Week(2, "Troisième texte, publié pendant que l’hôte tourne.");
            Archive.Publish(edition);
            second.Index(edition);
            Archive.Unpublish("2020-03-06");
            second.Remove("2020-03-06");
        }

        using var third = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(0, third.Sync(Archive));
        Assert.Equal(["2020-03-20/1", "2020-03-20/2"], Found(third, "tourne"));
        Assert.Empty(Found(third, "premier"));
        Assert.Equal(["topic1", "topic2"], third.FrequentTopics(10, 10).Select(t => t.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_edition_unpublished_while_it_was_down_is_dropped_at_the_restart()
    {
        Archive.Publish(Week(0, "Un texte retiré ensuite."));
        Archive.Publish(Week(1, "Un texte qui reste."));
        using (var first = LuceneStoryIndex.Open(IndexPath)) first.Sync(Archive);

        Archive.Unpublish("2020-03-06");
        using var second = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(0, second.Sync(Archive));
        Assert.Empty(Found(second, "retiré"));
        Assert.Equal(["2020-03-13/1", "2020-03-13/2"], Found(second, "reste"));
        Assert.Equal(["topic1"], second.FrequentTopics(10, 10).Select(t => t.Topic));
    }

    /// <summary>Every file of the index directory with its bytes, the write lock aside.</summary>
    private SortedDictionary<string, string> IndexFiles() => new(
        System.IO.Directory.GetFiles(IndexPath).Where(f => Path.GetFileName(f) != "write.lock")
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Fact]
    public void A_restart_indexes_the_editions_published_or_revised_while_it_was_down()
    {
        Archive.Publish(Week(0, "Premier texte ancien."));
        Archive.Publish(Week(1, "Deuxième texte."));
        using (var first = LuceneStoryIndex.Open(IndexPath)) first.Sync(Archive);

        Archive.Publish(Week(0, "Premier texte corrigé."));
        Archive.Publish(Week(2, "Troisième texte nouveau."));
        using var second = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(2, second.Sync(Archive));
        Assert.Empty(Found(second, "ancien"));
        Assert.Equal(["2020-03-06/1", "2020-03-06/2"], Found(second, "corrigé"));
        Assert.Equal(["2020-03-20/1", "2020-03-20/2"], Found(second, "nouveau"));
        Assert.Equal(6, second.Search("texte", 0, 100).Total);
    }

    [Fact]
    public void What_the_host_indexed_while_running_is_not_indexed_again()
    {
        using (var running = LuceneStoryIndex.Open(IndexPath))
        {
            running.Sync(Archive);
            var edition = Week(0, "Publié pendant que l’hôte tourne.");
            Archive.Publish(edition);
            running.Index(edition);
        }

        using var restarted = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(0, restarted.Sync(Archive));
        Assert.Equal(2, restarted.Search("tourne", 0, 10).Total);
    }

    [Fact]
    public void An_index_left_by_another_store_with_the_same_ids_is_not_trusted()
    {
        Archive.Publish(Week(0, "Le texte de cet archive-ci."));
        // Another archive's index in that directory: the same edition id with other words, and an edition this one lacks.
        using (var stranger = LuceneStoryIndex.Open(IndexPath))
        {
            stranger.Index(Week(0, "Un texte venu d’ailleurs."));
            stranger.Index(Week(1, "Une édition que cet archive n’a pas."));
        }

        using var index = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(1, index.Sync(Archive));
        Assert.Empty(Found(index, "ailleurs"));
        Assert.Empty(Found(index, "édition"));
        Assert.Equal(["2020-03-06/1", "2020-03-06/2"], Found(index, "archive-ci"));
    }

    [Fact]
    public void An_unreadable_index_is_built_again()
    {
        Archive.Publish(Week(0, "Un texte à retrouver."));
        using (var first = LuceneStoryIndex.Open(IndexPath)) first.Sync(Archive);
        foreach (var file in System.IO.Directory.GetFiles(IndexPath, "segments*")) File.WriteAllText(file, "not a Lucene index");

        using var index = LuceneStoryIndex.Open(IndexPath);

        Assert.Equal(1, index.Sync(Archive));
        Assert.Equal(2, index.Search("retrouver", 0, 10).Total);
    }

    [Fact]
    public void A_directory_another_index_holds_is_refused_so_that_the_host_can_keep_one_in_memory()
    {
        using var holder = LuceneStoryIndex.Open(IndexPath);

        Assert.Throws<LockObtainFailedException>(() => LuceneStoryIndex.Open(IndexPath));
    }
}
