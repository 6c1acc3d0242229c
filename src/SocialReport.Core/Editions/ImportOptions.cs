namespace SocialReport.Core.Editions;

/// <summary>Configuration section <c>Import</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Outlets to recognise as sources in plain-text exports, in addition to the built-in list.</summary>
    public List<string> Outlets { get; init; } = [];
}
