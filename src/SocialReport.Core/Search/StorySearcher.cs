using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SocialReport.Core.Search;

/// <summary>
/// A searcher of one state of the index, and what it learns of it once asked: each story's place newest first (so that no
/// search sorts on the index's fields), the hits read from the index (so that a story is read once), and where the terms
/// asked are in the index.
/// </summary>
internal sealed class StorySearcher : IndexSearcher
{
    private static readonly HashSet<string> HitFields =
        [StoryDocument.StoryId, StoryDocument.EditionId, StoryDocument.Date, StoryDocument.Headline, StoryDocument.Language];

    /// <summary>Terms whose place in the index is kept; a flood of distinct words starts over.</summary>
    private const int MaxTerms = 4096;

    private readonly Lazy<int[]> _places;
    private readonly ConcurrentDictionary<Term, TermContext> _terms = new();
    private readonly SearchHit?[] _hits;

    public StorySearcher(IndexReader reader) : base(reader)
    {
        Similarity = new BM25Similarity();
        _places = new(() => NewestFirst(reader));
        _hits = new SearchHit?[reader.MaxDoc];
    }

    /// <summary>By document: its place when sorted newest edition first, editions of one date by id (the greater first),
    /// then by story number; the document id last, as a sort of the index breaks ties.</summary>
    public int[] Places => _places.Value;

    /// <summary>How many terms are kept (at most MaxTerms).</summary>
    internal int KeptTerms => _terms.Count;

    /// <summary>A query for one term whose place in each segment (and its frequency) is looked up once per searcher, not
    /// once per search: those lookups walk the term dictionary and were half of what a search allocated.</summary>
    public TermQuery TermQuery(Term term)
    {
        if (!_terms.TryGetValue(term, out var context))
        {
            context = TermContext.Build(TopReaderContext, term);
            if (_terms.Count >= MaxTerms) _terms.Clear();
            _terms.TryAdd(term, context);
        }
        return new TermQuery(term, context);
    }

    public SearchHit Hit(int doc, SearchField matchedIn)
    {
        // Read at most a few times when searches race; each is the same story.
        var hit = _hits[doc] ??= StoryDocument.ToHit(Doc(doc, HitFields), matchedIn);
        return hit.MatchedIn == matchedIn ? hit : hit with { MatchedIn = matchedIn };
    }

    private static int[] NewestFirst(IndexReader reader)
    {
        var count = reader.MaxDoc;
        var dates = new long[count];
        var numbers = new long[count];
        var editions = new BytesRef?[count];
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var date = segment.GetNumericDocValues(StoryDocument.Date);
            var number = segment.GetNumericDocValues(StoryDocument.Number);
            var edition = segment.GetSortedDocValues(StoryDocument.EditionId);
            var ids = new BytesRef?[edition?.ValueCount ?? 0];
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                var at = leaf.DocBase + doc;
                dates[at] = date?.Get(doc) ?? 0;
                numbers[at] = number?.Get(doc) ?? 0;
                var ord = edition?.GetOrd(doc) ?? -1;
                if (ord >= 0)
                {
                    if (ids[ord] is null)
                    {
                        var id = new BytesRef();
                        edition!.LookupOrd(ord, id);
                        ids[ord] = BytesRef.DeepCopyOf(id);
                    }
                    editions[at] = ids[ord];
                }
            }
        }

        var docs = new int[count];
        for (var doc = 0; doc < count; doc++) docs[doc] = doc;
        Array.Sort(docs, (a, b) =>
        {
            var order = dates[b].CompareTo(dates[a]);
            if (order == 0) order = Compare(editions[b], editions[a]);
            if (order == 0) order = numbers[a].CompareTo(numbers[b]);
            return order != 0 ? order : a.CompareTo(b);
        });
        var places = new int[count];
        for (var place = 0; place < count; place++) places[docs[place]] = place;
        return places;
    }

    /// <summary>As the index sorts terms: by their UTF-8 bytes, none first.</summary>
    private static int Compare(BytesRef? a, BytesRef? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => a.CompareTo(b),
    };
}
