using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;

namespace SocialReport.Core.Search;

/// <summary>
/// Keeps the search index at the shared archive's revision: brought up to it (<see cref="IStoryIndex.Sync"/>: only the
/// editions that changed) whenever the revision moves (another host published, revised or removed an edition), told by
/// the store at once, or found on a look every <see cref="LookEvery"/>. Idle
/// on a store without <see cref="IArchiveChanges"/> (one host alone).
/// </summary>
public sealed class StoryIndexFollower(IEditionArchive archive, IStoryIndex index, TimeProvider time, ILogger<StoryIndexFollower> logger, IArchiveChanges? changes = null) : BackgroundService
{
    /// <summary>How often the revision is read when the store tells nothing (its notifications were lost).</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (changes is null) return;
        // Unknown at first: the index built at start-up may be older than the revision, or empty when the store did not answer.
        long? indexed = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var revision = changes.Revision();
                    if (revision != indexed)
                    {
                        index.Sync(archive);
                        indexed = revision;
                        logger.StoryIndexFollowed(revision);
                    }
                    failures = 0;
                    await changes.WaitAsync(LookEvery, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures++;
                    var delay = TimeSpan.FromSeconds(Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));
                    logger.StoryIndexFollowFailed(e, delay);
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
