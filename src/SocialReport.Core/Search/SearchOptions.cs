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

    /// <summary>
    /// Pages of <c>/topic</c> and <c>/search</c> answers kept until the index next changes, so that the same question
    /// asked again (the topics a broadcast's cards suggest) is answered without searching; 0: none kept.
    /// </summary>
    public int CachedPages { get; set; } = 1024;
}
