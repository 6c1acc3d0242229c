using Microsoft.Extensions.Logging;

namespace SocialReport.Storage.LiteDb;

/// <summary>The log lines of SocialReport.Storage.LiteDb, as source-generated methods; event ids 5001 and up.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Backed up the store to {File} ({Bytes} bytes)")]
    public static partial void BackedUp(this ILogger logger, string file, long bytes);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "The backup to {File} failed; the next one is at {Next}")]
    public static partial void BackupFailed(this ILogger logger, Exception exception, string file, DateTimeOffset next);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "No backup requests from the backup verb: cannot listen on {Socket}: {Reason}")]
    public static partial void BackupSocketUnavailable(this ILogger logger, string socket, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "A backup request was refused: {Reason}")]
    public static partial void BackupRequestRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Removed the old backup {File} (Storage:Backup:Keep)")]
    public static partial void BackupRemoved(this ILogger logger, string file);
}
