using System.Collections.Concurrent;

namespace SocialReport.Core.Search;

/// <summary>
/// The pages searches answered since the index last changed, by what was asked: readers asking what many others just
/// asked (the topics a broadcast's cards suggest, the same few searches) get the page without searching again. A new
/// one replaces it whenever the index changes, so no page comes from an older index. At most <c>capacity</c> pages:
/// a full cache starts over, so that questions asked early (or a flood of distinct ones) do not keep out those asked now.
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
        if (capacity == 0) return page;
        if (_pages.Count >= capacity) _pages.Clear();
        _pages.TryAdd(key, page);
        return page;
    }
}
