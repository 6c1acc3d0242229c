using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Backs up the LiteDB file at each occurrence of <c>Storage:Backup:Cron</c> (UTC) into <c>Storage:Backup:Directory</c>,
/// as <c>socialreport-20261204T030000Z.db</c>, and keeps the newest <c>Storage:Backup:Keep</c> of them.
/// </summary>
internal sealed class ScheduledBackups(LiteDbStore store, IOptions<StorageOptions> options, TimeProvider time, ILogger<ScheduledBackups> logger) : BackgroundService
{
    /// <summary>Longer waits are made of several: a timer takes at most about 49 days.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Backup.Cron)) return;
        try
        {
            while (true) await NextAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits for the next occurrence (its first timer is set before this returns), backs up, then removes the oldest
    /// backups beyond Keep. The backup's file, or null when it failed (logged: the next occurrence tries again).
    /// </summary>
    internal async Task<string?> NextAsync(CancellationToken cancellationToken)
    {
        var backup = options.Value.Backup;
        var cron = CronExpression.Parse(backup.Cron ?? throw new InvalidOperationException("Storage:Backup:Cron is not set."));
        var due = cron.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
        if (due is not { } at)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken); // an expression that never comes again
            return null;
        }
        for (var now = time.GetUtcNow(); now < at; now = time.GetUtcNow())
            await Task.Delay(at - now < LongestWait ? at - now : LongestWait, time, cancellationToken);

        var (stem, extension) = (Path.GetFileNameWithoutExtension(store.FilePath), Path.GetExtension(store.FilePath));
        var file = Path.Combine(backup.Directory, $"{stem}-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}{extension}");
        try
        {
            var bytes = await Task.Run(() => store.BackUp(file), cancellationToken);
            logger.BackedUp(file, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            logger.BackupFailed(e, file, cron.GetNextOccurrence(at, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue);
            return null;
        }
        foreach (var old in Directory.EnumerateFiles(backup.Directory, $"{stem}-????????T??????Z{extension}").OrderDescending(StringComparer.Ordinal).Skip(backup.Keep))
        {
            File.Delete(old);
            logger.BackupRemoved(old);
        }
        return file;
    }
}
