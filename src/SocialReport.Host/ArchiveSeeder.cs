using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host;

/// <summary>
/// While the archive is empty, publishes the sample editions found in <c>Storage:SeedDirectory</c>, so that a newcomer's
/// first <c>/latest</c> has something to show: in the Development environment, or anywhere with
/// <c>Storage:SeedSamples=true</c>; never in a production archive otherwise. An edition that fails to import is logged and skipped.
/// </summary>
internal sealed partial class ArchiveSeeder(
    IOptions<StorageOptions> options,
    IHostEnvironment environment,
    IEditionArchive archive,
    EditionImporter importer,
    EditionPublisher publisher,
    ILogger<ArchiveSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        var directory = storage.SeedDirectory;
        if (!(storage.SeedSamples ?? environment.IsDevelopment()) || string.IsNullOrEmpty(directory) || !Directory.Exists(directory) || archive.Count() > 0)
            return Task.CompletedTask;
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            try
            {
                var result = publisher.Publish(importer.ImportFile(file));
                Seeded(result.EditionId, file);
            }
            catch (EditionImportException e)
            {
                Skipped(e.Message);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Seeded the archive with the sample edition {Edition} from {File}")]
    private partial void Seeded(string edition, string file);

    [LoggerMessage(LogLevel.Warning, "Sample edition skipped: {Error}")]
    private partial void Skipped(string error);
}
