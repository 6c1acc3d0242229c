namespace SocialReport.Core.Search;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Where the search index is kept between runs, so that a start-up only indexes what the archive gained since (the
    /// host puts it beside the store when unset, and a relative path under its content root). Empty: in memory only,
    /// built from the whole archive at each start.
    /// </summary>
    public string? IndexDirectory { get; set; }
}
