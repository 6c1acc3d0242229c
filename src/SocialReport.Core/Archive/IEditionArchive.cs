using SocialReport.Core.Editions;

namespace SocialReport.Core.Archive;

/// <summary>Every edition ever published, keyed by its id (the date); the current revision of each.</summary>
public interface IEditionArchive
{
    /// <summary>Adds an edition; the same content again is a no-op, changed content becomes a new revision.</summary>
    PublishResult Publish(Edition edition);

    /// <summary>The current revision of an edition, or null.</summary>
    Edition? Get(string editionId);

    /// <summary>The newest edition by date, or null when the archive is empty.</summary>
    Edition? Latest();

    int Count();

    /// <summary>Editions newest first (by date), <paramref name="skip"/> then at most <paramref name="take"/>.</summary>
    IReadOnlyList<ArchiveEntry> List(int skip, int take);

    /// <summary>Every current edition, newest first, streamed (for rebuilding the search index).</summary>
    IEnumerable<Edition> All();

    /// <summary>Removes an edition with all its revisions (<c>/unpublish</c>); false when there was none. Publishing it again starts at revision 1.</summary>
    bool Unpublish(string editionId);
}

public enum PublishOutcome { Added, Unchanged, Revised }

public sealed record PublishResult(PublishOutcome Outcome, string EditionId, int Revision);

/// <param name="ContentHash">The current revision's <see cref="EditionContent.Hash"/>, when the store says it.</param>
public sealed record ArchiveEntry(string EditionId, string Title, DateOnly Date, string Language, int Stories, int Revision, DateTimeOffset PublishedAt,
    string? ContentHash = null);
