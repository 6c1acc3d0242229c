using System.Reflection;

namespace SocialReport.Storage.LiteDb.Tests;

public sealed class PageCacheSegmentsTests
{
    [Fact]
    public void An_open_store_grows_litedbs_page_cache_by_small_segments()
    {
        // A LiteDB that no longer has the field would silently go back to 8 MB segments: this says so at the upgrade.
        Assert.NotNull(PageCacheSegments.Field);
        using var dir = new TempDirectory();
        using var store = new LiteDbStore(dir.DatabaseFile);

        Assert.Equal(PageCacheSegments.Sizes, PageCacheSegments.Field.GetValue(null));
        Assert.Equal(PageCacheSegments.Sizes, Private(Private(Private(store.Database, "_engine"), "_disk"), "_cache", "_segmentSizes"));
    }

    [Fact]
    public void Counting_a_hundred_thousand_chats_keeps_the_cache_within_small_segments_of_what_it_reads()
    {
        using var dir = new TempDirectory();
        using (var writing = new LiteDbStore(dir.DatabaseFile))
        {
            var saving = new LiteDbChatStore(writing);
            foreach (var batch in Enumerable.Range(1_000_000, 100_000).Chunk(5_000))
                writing.InTransaction(() => batch.Sum(i => { saving.Save(TestChats.Subscriber("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture))); return 1; }));
        }
        using var store = new LiteDbStore(dir.DatabaseFile);
        var chats = new LiteDbChatStore(store);

        Assert.Equal(100_000, chats.CountByState().Sum(count => count.Count));

        // LiteDB's own sizes (1 000-page segments) take this count to 1 662 pages; at most 250 a segment, 1 112.
        var cache = Private(Private(store.Database, "_engine"), "_disk", "_cache");
        var pages = (int)cache.GetType().GetProperty("ExtendPages")!.GetValue(cache)!;
        Assert.InRange(pages, 1, 1_112);
    }

    private static object Private(object owner, params string[] fields) =>
        fields.Aggregate(owner, (o, name) => o.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(o)!);
}
