using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SocialReport.Core.Search;

/// <summary>Collects the (top-level) ids of every matching document, without scoring, in order (see <c>LuceneStoryIndex.Run</c>).</summary>
internal sealed class DocSetCollector : ICollector
{
    private int _docBase;

    public HashSet<int> Docs { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Docs.Add(_docBase + doc);
}
