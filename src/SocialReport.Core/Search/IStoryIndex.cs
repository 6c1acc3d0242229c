using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>Finds stories across the whole archive, for <c>/topic</c> and <c>/search</c>.</summary>
public interface IStoryIndex
{
    /// <summary>Adds or replaces all stories of that edition: a revision replaces the stories indexed before.</summary>
    void Index(Edition edition);

    /// <summary>Removes the stories of that edition (unpublished); none indexed: nothing happens.</summary>
    void Remove(string editionId);

    /// <summary>Replaces the whole index with these editions.</summary>
    void Rebuild(IEnumerable<Edition> editions);

    /// <summary>Brings the index up to the archive: indexes the editions it lacks or holds in another version, drops
    /// those the archive no longer has. Returns how many editions were indexed.</summary>
    int Sync(IEditionArchive archive);

    /// <summary>Stories about a topic: tag matches first, then headline, then body only; newest first among equals.</summary>
    SearchPage Topic(string words, int skip, int take);

    /// <summary>Full text over headline, body, tags and sources, by relevance, newest first among equals.</summary>
    SearchPage Search(string words, int skip, int take);

    /// <summary>The topics of most stories over the <paramref name="recentEditions"/> newest editions, most frequent first.</summary>
    IReadOnlyList<TopicCount> FrequentTopics(int recentEditions, int take);

    /// <summary>
    /// The numbers of that edition's stories <see cref="Topic"/> would list for these words, in edition order. An
    /// edition the index does not hold yet (published by another host sharing the store) is indexed first.
    /// </summary>
    IReadOnlyList<int> TopicIn(Edition edition, string words);

    /// <summary>
    /// The words as <see cref="Topic"/> looks them up (folded, stemmed, stop words out), one string: two spellings of
    /// one topic ("Réseaux sociaux", "reseau social") have the same key. Empty when no word is left.
    /// </summary>
    string TopicKey(string words);
}
