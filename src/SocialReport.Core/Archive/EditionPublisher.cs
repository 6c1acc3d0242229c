using SocialReport.Core.Editions;
using SocialReport.Core.Search;

namespace SocialReport.Core.Archive;

/// <summary>Publishing an edition: into the archive, and into the search index when it is new or changed; unpublishing it from both.</summary>
public sealed class EditionPublisher(IEditionArchive archive, IStoryIndex index)
{
    public PublishResult Publish(Edition edition)
    {
        var result = archive.Publish(edition);
        if (result.Outcome != PublishOutcome.Unchanged) index.Index(edition);
        return result;
    }

    /// <summary>Removes the edition from the archive and the search index; false when the archive had no such edition.</summary>
    public bool Unpublish(string editionId)
    {
        var removed = archive.Unpublish(editionId);
        index.Remove(editionId);
        return removed;
    }
}
