using System.Collections.Concurrent;

namespace SocialReport.Core.Search;

/// <summary>
/// The pages searches answered since the index last changed, by what was asked: readers asking what many others just
/// asked (the topics a broadcast's cards suggest, the same few searches) get the page without searching again. A new
/// one replaces it whenever the index changes, so no page comes from an older index. At most <c>capacity</c> pages;
/// once full, further pages are searched each time until the next change.
/// </summary>
internal sealed class SearchResults(int capacity)
{
    private readonly ConcurrentDictionary<(char Kind, string Words, int Skip, int Take), SearchPage> _pages = new();

    public int Count => _pages.Count;

    public SearchPage GetOrSearch(char kind, string words, int skip, int take, Func<SearchPage> search)
    {
        var key = (kind, words, skip, take);
        if (_pages.TryGetValue(key, out var page)) return page;
        page = search();
        if (_pages.Count < capacity) _pages.TryAdd(key, page);
        return page;
    }
}
