using System.Diagnostics;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;

namespace SocialReport.Core.Search;

/// <summary>The host's story index: kept in <see cref="SearchOptions.IndexDirectory"/> and brought up to the archive, or in
/// memory and built from it when no directory is set or another process holds that one.</summary>
internal static class StoryIndexes
{
    /// <param name="followed">A shared store, whose <see cref="StoryIndexFollower"/> brings the index up to it once it
    /// answers: a store that does not answer yet leaves the index as it was kept, rather than stopping the host.</param>
    public static LuceneStoryIndex Open(SearchOptions options, IEditionArchive archive, ILogger logger, bool followed = false)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = options.IndexDirectory;
        var index = string.IsNullOrEmpty(directory) ? new LuceneStoryIndex() : OpenOrInMemory(directory, logger);
        index.CachedPages = options.CachedPages;
        int indexed;
        try
        {
            indexed = index.Sync(archive);
        }
        catch (Exception) when (followed)
        {
            return index;
        }
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var editions = archive.Count();
        logger.SearchIndexOpened(string.IsNullOrEmpty(directory) ? "memory" : directory, indexed, editions, elapsed);
        return index;
    }

    private static LuceneStoryIndex OpenOrInMemory(string directory, ILogger logger)
    {
        try
        {
            return LuceneStoryIndex.Open(directory);
        }
        catch (LockObtainFailedException)
        {
            logger.SearchIndexInUse(directory);
            return new LuceneStoryIndex();
        }
    }
}
