namespace SocialReport.Core.Archive;

/// <summary>
/// The changes of an archive that several hosts share, so that each host's search index follows what the others
/// publish. A store only one host opens has none: that host's <see cref="EditionPublisher"/> indexes what it publishes.
/// </summary>
public interface IArchiveChanges
{
    /// <summary>A number that changes with every change to the archive, whichever host made it.</summary>
    long Revision();

    /// <summary>Returns when the archive may have changed, or after <paramref name="longest"/> at the latest.</summary>
    Task WaitAsync(TimeSpan longest, CancellationToken cancellationToken);
}
