using SocialReport.Core.Editions;
using SocialReport.Core.Search;

namespace SocialReport.Core.Archive;

/// <summary>Publishing an edition: into the archive, and into the search index when it is new or changed.</summary>
public sealed class EditionPublisher(IEditionArchive archive, IStoryIndex index)
{
    public PublishResult Publish(Edition edition)
    {
        var result = archive.Publish(edition);
        if (result.Outcome != PublishOutcome.Unchanged) index.Index(edition);
        return result;
    }
}
