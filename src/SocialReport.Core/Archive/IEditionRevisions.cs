using SocialReport.Core.Editions;

namespace SocialReport.Core.Archive;

/// <summary>The revisions an archive keeps of each edition, current and previous.</summary>
public interface IEditionRevisions
{
    /// <summary>One revision of an edition, current or previous, or null.</summary>
    Edition? Get(string editionId, int revision);

    /// <summary>Every revision of an edition, oldest first; empty when the edition is unknown.</summary>
    IReadOnlyList<ArchiveRevision> Revisions(string editionId);
}

/// <summary>One stored revision of an edition.</summary>
public sealed record ArchiveRevision(int Revision, string ContentHash, DateTimeOffset PublishedAt, bool IsCurrent);

/// <summary>One revision as a store keeps it: the archive's JSON (<see cref="EditionContent"/>) and its hash, for copying a store into another.</summary>
public sealed record RevisionContent(string EditionId, int Revision, string ContentHash, DateTimeOffset PublishedAt, string Json);
