using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>What the editor says about a file when the file itself cannot: its format, its date, its encoding.
/// Each one left null is found in the file.</summary>
public sealed record EditionHints
{
    public static EditionHints None { get; } = new();

    public EditionFormat? Format { get; init; }

    /// <summary>Wins over any date the file states.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Overrides the detection (UTF-8, UTF-16 with a byte order mark, Windows-1252).</summary>
    public Encoding? Encoding { get; init; }
}
