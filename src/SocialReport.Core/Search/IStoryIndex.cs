using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>Finds stories across the whole archive, for <c>/topic</c> and <c>/search</c>.</summary>
public interface IStoryIndex
{
    /// <summary>Adds or replaces all stories of that edition: a revision replaces the stories indexed before.</summary>
    void Index(Edition edition);

    /// <summary>Removes the stories of that edition (unpublished); none indexed: nothing happens.</summary>
    void Remove(string editionId);

    /// <summary>Replaces the whole index with these editions (the archive, at start-up).</summary>
    void Rebuild(IEnumerable<Edition> editions);

    /// <summary>Stories about a topic: tag matches first, then headline, then body only; newest first among equals.</summary>
    SearchPage Topic(string words, int skip, int take);

    /// <summary>Full text over headline, body, tags and sources, by relevance, newest first among equals.</summary>
    SearchPage Search(string words, int skip, int take);

    /// <summary>The topics of most stories over the <paramref name="recentEditions"/> newest editions, most frequent first.</summary>
    IReadOnlyList<TopicCount> FrequentTopics(int recentEditions, int take);
}
