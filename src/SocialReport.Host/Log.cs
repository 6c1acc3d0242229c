namespace SocialReport.Host;

/// <summary>The log lines of SocialReport.Host, as source-generated methods; event ids 2001 and up.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Seeded the archive with {Edition} from {File}")]
    public static partial void ArchiveSeeded(this ILogger logger, string edition, string file);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Seed edition skipped: {Error}")]
    public static partial void SeedEditionSkipped(this ILogger logger, string error);
}
