namespace SocialReport.Core.Commands;

/// <summary>Fetches an edition file an editor names by path (console only) or by https address.</summary>
public interface IEditionSource
{
    /// <exception cref="EditionSourceException">The file can't be had: not found, too big, not allowed.</exception>
    Task<Attachment> LoadAsync(string pathOrUrl, bool allowLocalPath, CancellationToken cancellationToken);
}

public sealed class EditionSourceException(string message) : Exception(message);
