using Cronos;
using System.ComponentModel.DataAnnotations;

namespace SocialReport.Storage.LiteDb;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string LiteDb = "LiteDb";
    public const string PostgreSql = "PostgreSql";

    /// <summary>Where the bot keeps everything: <see cref="LiteDb"/> (a file, the default) or <see cref="PostgreSql"/> (a server several hosts can share).</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>The PostgreSQL database as an Npgsql connection string, when <see cref="Provider"/> is <see cref="PostgreSql"/> (which validates it).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB file; the host puts relative paths under its content root (the app's folder). Its directory is created on first use.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/socialreport.db";

    /// <summary>The sample editions (the host puts a relative path under its content root, where the build copies them).</summary>
    public string? SeedDirectory { get; set; } = "editions";

    /// <summary>Publish the editions of <see cref="SeedDirectory"/> at start-up while the archive is empty; unset: only in the Development environment.</summary>
    public bool? SeedSamples { get; set; }

    /// <summary>Flush every commit to the disk (fsync) before it returns, so that it survives a power loss, not only a crash.</summary>
    public bool Durable { get; set; }

    /// <summary>The scheduled backups (<c>Storage:Backup</c>).</summary>
    public BackupOptions Backup { get; } = new();

    /// <summary>Whether <see cref="Provider"/> names PostgreSQL (in any case).</summary>
    public bool UsesPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A provider that is neither store, or a backup setting that cannot work, stops the host with one line naming the setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (!options.UsesPostgreSql && !string.Equals(options.Provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase))
            errors.Add($"Storage:Provider must be {StorageOptions.LiteDb} or {StorageOptions.PostgreSql}, not '{options.Provider}'.");
        var backup = options.Backup;
        if (!string.IsNullOrWhiteSpace(backup.Cron))
        {
            if (options.UsesPostgreSql)
                errors.Add("Storage:Backup:Cron backs up the LiteDB file; back up PostgreSQL with pg_dump.");
            else if (!CronExpression.TryParse(backup.Cron, out _))
                errors.Add($"Storage:Backup:Cron '{backup.Cron}' is not a cron expression (minute hour day month weekday).");
            if (string.IsNullOrWhiteSpace(backup.Directory)) errors.Add("Storage:Backup:Directory is required with Storage:Backup:Cron.");
        }
        if (backup.Keep is < 1 or > 10_000) errors.Add("Storage:Backup:Keep must be between 1 and 10000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
