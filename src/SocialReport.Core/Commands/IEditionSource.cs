namespace SocialReport.Core.Commands;

/// <summary>Fetches an edition file an editor names by path (from the host's own console only) or by https address.</summary>
public interface IEditionSource
{
    /// <param name="channel">Where the editor typed the command: the source decides whether it may name a local path.</param>
    /// <exception cref="EditionSourceException">The file can't be had: not found, too big, not allowed.</exception>
    Task<Attachment> LoadAsync(string pathOrUrl, string channel, CancellationToken cancellationToken);
}

public sealed class EditionSourceException(string message) : Exception(message);
