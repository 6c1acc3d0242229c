namespace SocialReport.Storage.LiteDb;

/// <summary>The scheduled backups of the LiteDB file (<c>Storage:Backup</c>); PostgreSQL is backed up with <c>pg_dump</c>.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Storage:Backup";

    /// <summary>When to back up, as a cron expression in UTC (minute hour day month weekday); empty: never.</summary>
    public string? Cron { get; set; }

    /// <summary>Where the backups go; the host puts a relative path under its content root (the app's folder).</summary>
    public string Directory { get; set; } = "data/backups";

    /// <summary>How many backups to keep: the newest; older ones are deleted after each backup.</summary>
    public int Keep { get; set; } = 7;
}
