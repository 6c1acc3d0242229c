using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host;

/// <summary>
/// While the archive is empty, publishes the editions found in <c>Storage:SeedDirectory</c>, so that a newcomer's
/// first <c>/latest</c> has something to show. An edition that fails to import is logged and skipped.
/// </summary>
internal sealed class ArchiveSeeder(
    IOptions<StorageOptions> options,
    IEditionArchive archive,
    EditionImporter importer,
    EditionPublisher publisher,
    ILogger<ArchiveSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.SeedDirectory;
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory) || archive.Count() > 0) return Task.CompletedTask;
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            try
            {
                var result = publisher.Publish(importer.ImportFile(file));
                logger.ArchiveSeeded(result.EditionId, file);
            }
            catch (EditionImportException e)
            {
                logger.SeedEditionSkipped(e.Message);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
