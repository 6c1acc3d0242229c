using System.Reflection;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// LiteDB grows its page cache a segment at a time and never gives a segment back; once four are taken, each new one
/// holds 1 000 pages (8 MB), and cached pages are reused only when more than a segment's worth sit idle. So the cache
/// settles one or two 8 MB segments above the most pages ever in use at once. Segments of at most 250 pages keep it
/// close to that: 10.6 MB instead of 20.8 MB after counting and planning a 100 000-reader broadcast (README,
/// Benchmarks). LiteDB has no setting for it; the sizes are a public field of an internal class, read when an engine
/// opens. A LiteDB without that field keeps its own sizes (<c>PageCacheSegmentsTests</c> says so).
/// </summary>
internal static class PageCacheSegments
{
    public static readonly int[] Sizes = [12, 50, 100, 250];

    /// <summary>Where LiteDB 5 reads its sizes from, or null.</summary>
    internal static FieldInfo? Field { get; } =
        typeof(LiteDatabase).Assembly.GetType("LiteDB.Constants")?.GetField("MEMORY_SEGMENT_SIZES", BindingFlags.Public | BindingFlags.Static);

    /// <summary>Sets the sizes for every engine opened after; idempotent.</summary>
    public static void Apply() => Field?.SetValue(null, Sizes);
}
