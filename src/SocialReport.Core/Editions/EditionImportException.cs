namespace SocialReport.Core.Editions;

/// <summary>An edition file that cannot be imported: which file, which line (1-based, 0 when it concerns the whole file) and why.</summary>
public sealed class EditionImportException(string fileName, int line, string reason)
    : Exception($"{fileName}:{line}: {reason}")
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
    public string Reason { get; } = reason;

    /// <summary>The file is an edition but says nowhere when it was published: a date given with it would import it.</summary>
    public bool DateMissing { get; init; }
}
