namespace SocialReport.Core.Search;

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total)
{
    public static SearchPage Empty { get; } = new([], 0);
}

public sealed record SearchHit(string StoryId, string EditionId, DateOnly Date, string Headline, string Language, SearchField MatchedIn);

/// <summary>Where every word of the query was found at best; a match in sources only counts as <see cref="Body"/>.</summary>
public enum SearchField { Tags, Headline, Body }

public sealed record TopicCount(string Topic, int Stories);
