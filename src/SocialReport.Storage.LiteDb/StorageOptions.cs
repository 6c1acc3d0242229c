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

    /// <summary>The LiteDB file; relative paths are under the working directory. Its directory is created on first use.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/socialreport.db";

    /// <summary>Editions published at start-up while the archive is empty (relative to the working directory); empty to disable.</summary>
    public string? SeedDirectory { get; set; } = "editions";

    /// <summary>Flush every commit to the disk (fsync) before it returns, so that it survives a power loss, not only a crash.</summary>
    public bool Durable { get; set; }

    /// <summary>Whether <see cref="Provider"/> names PostgreSQL (in any case).</summary>
    public bool UsesPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A provider that is neither store stops the host with one line naming the setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.UsesPostgreSql || string.Equals(options.Provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Storage:Provider must be {StorageOptions.LiteDb} or {StorageOptions.PostgreSql}, not '{options.Provider}'.");
}
