using System.ComponentModel.DataAnnotations;

namespace SocialReport.Storage.LiteDb;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The LiteDB file; the host puts relative paths under its content root (the app's folder). Its directory is created on first use.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/socialreport.db";

    /// <summary>The sample editions (the host puts a relative path under its content root, where the build copies them).</summary>
    public string? SeedDirectory { get; set; } = "editions";

    /// <summary>Publish the editions of <see cref="SeedDirectory"/> at start-up while the archive is empty; unset: only in the Development environment.</summary>
    public bool? SeedSamples { get; set; }

    /// <summary>Flush every commit to the disk (fsync) before it returns, so that it survives a power loss, not only a crash.</summary>
    public bool Durable { get; set; }
}
