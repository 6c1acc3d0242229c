using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SocialReport.Core.Search;

/// <summary>
/// Keeps the first <paramref name="wanted"/> hits of a search and counts them all: ordered by a rank made from their score
/// (the higher first), then by their place newest first (<see cref="StorySearcher.Places"/>). Documents come in order
/// (see <c>LuceneStoryIndex.Collect</c>).
/// </summary>
internal sealed class RankedCollector(int wanted, int[] places, Func<float, float> rank) : ICollector
{
    private readonly PriorityQueue<Hit, Hit> _kept = new(wanted, WorstFirst.Instance);
    private Scorer? _scorer;
    private int _docBase;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        Total++;
        if (wanted == 0) return;
        var at = _docBase + doc;
        var score = _scorer!.GetScore();
        var hit = new Hit(at, score, rank(score), places[at]);
        if (_kept.Count < wanted)
            _kept.Enqueue(hit, hit);
        else
            _kept.EnqueueDequeue(hit, hit);
    }

    /// <summary>The hits kept, the first first.</summary>
    public List<Hit> Hits()
    {
        var hits = new List<Hit>(_kept.Count);
        while (_kept.TryDequeue(out var hit, out _)) hits.Add(hit);
        hits.Reverse();
        return hits;
    }

    internal readonly record struct Hit(int Doc, float Score, float Rank, int Place);

    private sealed class WorstFirst : IComparer<Hit>
    {
        public static WorstFirst Instance { get; } = new();

        public int Compare(Hit x, Hit y)
        {
            var rank = x.Rank.CompareTo(y.Rank);
            return rank != 0 ? rank : y.Place.CompareTo(x.Place);
        }
    }
}
