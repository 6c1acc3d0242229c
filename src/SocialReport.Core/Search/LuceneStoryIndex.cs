using System.Collections.Immutable;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>
/// The story index, in memory or kept in a directory between runs, and brought up to the archive at start-up
/// (<see cref="Sync"/>). Writes are serialized; searches run concurrently on the latest refreshed searcher, so a search
/// never sees an edition half replaced.
/// </summary>
public sealed partial class LuceneStoryIndex : IStoryIndex, IDisposable
{
    /// <summary>The layout of the documents and their analysis: an index kept with another one is built anew. Change it
    /// whenever <see cref="StoryDocument"/> or <see cref="StoryAnalysis"/> changes what is indexed.</summary>
    internal const string Layout = "1";
    private const string LayoutKey = "layout";
    /// <summary>In a commit's data: the <see cref="Digest"/> of the editions that commit holds.</summary>
    private const string ArchiveKey = "archive";

    private readonly StoryAnalysis _analysis = new();
    private readonly Analyzer _indexAnalyzer;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeGate = new();
    /// <summary>Set by <see cref="Sync"/> and <see cref="Rebuild"/> for the whole index, then per edition indexed; null
    /// until first needed when the index was kept as it was (<see cref="CurrentTopics"/> reads it from the index then).</summary>
    private ImmutableDictionary<string, EditionTopics>? _topics;
    /// <summary>The content hash of each edition indexed; null while unknown (an index kept on disk, before <see cref="Sync"/>).</summary>
    private ImmutableDictionary<string, string>? _hashes;
    /// <summary>The digest of the last commit (<see cref="ArchiveKey"/>), if it has one.</summary>
    private string? _committedDigest;
    private SearchResults _results = new(0);
    private bool _disposed;

    /// <summary>An empty index in memory.</summary>
    public LuceneStoryIndex() : this(new RAMDirectory()) { }

    private LuceneStoryIndex(Lucene.Net.Store.Directory directory)
    {
        _directory = directory;
        _indexAnalyzer = _analysis.ForFields(StoryDocument.Fields("fr"), StoryDocument.Fields("en"));
        var config = new IndexWriterConfig(StoryAnalysis.Version, _indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            // Every search looks its terms up in every segment, and each publish writes one: merged down to a few
            // while small (the whole archive is a few megabytes; a merge of them takes milliseconds, a publish is weekly).
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 3, MaxMergeAtOnce = 3 },
        };
        _writer = new IndexWriter(directory, config);
        if (!_writer.CommitData.TryGetValue(LayoutKey, out var layout) || layout != Layout)
        {
            _writer.DeleteAll();
            (_topics, _hashes) = ([], ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));
        }
        else
        {
            _committedDigest = _writer.CommitData.TryGetValue(ArchiveKey, out var digest) ? digest : null;
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new StorySearcherFactory());
    }

    public void Index(Edition edition)
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var hash = Replace(edition);
            Refresh();
            _topics = _topics?.SetItem(edition.Id, EditionTopics.From(edition));
            _hashes = _hashes?.SetItem(edition.Id, hash);
        }
    }

    public void Remove(string editionId)
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.DeleteDocuments(new Term(StoryDocument.EditionId, editionId));
            Refresh();
            _topics = _topics?.Remove(editionId);
            _hashes = _hashes?.Remove(editionId);
        }
    }

    public void Rebuild(IEnumerable<Edition> editions)
    {
        // The last of several revisions with one id wins, as it would through successive Index calls.
        var latest = new Dictionary<string, Edition>(StringComparer.Ordinal);
        foreach (var edition in editions)
            latest[edition.Id] = edition;

        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.DeleteAll();
            var added = AddAll(latest.Values);
            _writer.ForceMerge(1);
            _topics = added.ToImmutableDictionary(e => e.Topics.Id, e => e.Topics, StringComparer.Ordinal);
            _hashes = added.ToImmutableDictionary(e => e.Topics.Id, e => e.Hash, StringComparer.Ordinal);
            Commit();
        }
    }

    /// <summary>How many pages of <see cref="Topic"/> and <see cref="Search"/> are kept until the index changes (<see cref="SearchResults"/>); 0: none.</summary>
    public int CachedPages
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
            Volatile.Write(ref _results, new SearchResults(value));
        }
    }

    public SearchPage Topic(string words, int skip, int take) => Page('t', words, skip, take, (searcher, query) =>
    {
        // One query for the three tiers, its score saying each story's tier: the tiers first, newest first within each.
        var (hits, total) = Collect(searcher, StoryQueries.Topic(searcher, query), score => -(float)StoryQueries.TierOf(score, query.Count), skip, take);
        return new SearchPage([.. hits.Select(hit => searcher.Hit(hit.Doc, StoryQueries.TierOf(hit.Score, query.Count)))], total);
    });

    public SearchPage Search(string words, int skip, int take) => Page('s', words, skip, take, (searcher, query) =>
    {
        var (hits, total) = Collect(searcher, StoryQueries.FullText(searcher, query), score => score, skip, take);
        if (hits.Count == 0)
            return new SearchPage([], total);
        var tiers = Tiers(searcher, StoryQueries.Topic(searcher, query), query.Count, hits.Select(hit => hit.Doc));
        return new SearchPage([.. hits.Select(hit => searcher.Hit(hit.Doc, tiers.GetValueOrDefault(hit.Doc, SearchField.Body)))], total);
    });

    public IReadOnlyList<TopicCount> FrequentTopics(int recentEditions, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentEditions);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return TopicTally.MostFrequent(CurrentTopics().Values, recentEditions, take);
    }

    public IReadOnlyList<int> TopicIn(Edition edition, string words)
    {
        var query = _analysis.Words(words);
        if (query.Count == 0) return [];
        if (!CurrentTopics().ContainsKey(edition.Id)) Index(edition);
        var inEdition = new TermQuery(new Term(StoryDocument.EditionId, edition.Id));
        return WithSearcher(searcher =>
        {
            var docs = Matching(searcher, new BooleanQuery { { inEdition, Occur.MUST }, { StoryQueries.Topic(searcher, query), Occur.MUST } });
            return docs.Select(doc => StoryDocument.NumberOf(searcher.Doc(doc))).Order().ToList();
        });
    }

    public string TopicKey(string words) => string.Join(" ", _analysis.Words(words).Select(word => word.French).Order(StringComparer.Ordinal));

    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _searchers.Dispose();
            // Disposing commits what changed; an index left as it was is not written again.
            if (_writer.HasUncommittedChanges())
                _writer.SetCommitData(CommitData());
            _writer.Dispose();
            _directory.Dispose();
            _indexAnalyzer.Dispose();
            _analysis.Dispose();
        }
    }

    /// <summary>Runs <paramref name="search"/> on the reader's words, analysed as the index was; no words, no hits.</summary>
    private SearchPage Page(char kind, string words, int skip, int take, Func<StorySearcher, IReadOnlyList<QueryWord>, SearchPage> search)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        // Taken before the searcher: a page searched on a newer index may land in an older cache, never the reverse.
        var results = Volatile.Read(ref _results);
        return results.GetOrSearch(kind, words, skip, take, () =>
        {
            var query = _analysis.Words(words);
            return query.Count == 0 ? SearchPage.Empty : WithSearcher(searcher => search(searcher, query));
        });
    }

    /// <summary>Searches see the index as written, and no page kept from before is answered again.</summary>
    private void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _results, new SearchResults(CachedPages));
    }

    private T WithSearcher<T>(Func<StorySearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search((StorySearcher)searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>One page of a query's hits ordered by <paramref name="rank"/> of their score, then newest first; and how many
    /// hits there are in all.</summary>
    private static (List<RankedCollector.Hit> Hits, int Total) Collect(StorySearcher searcher, Query query, Func<float, float> rank, int skip, int take)
    {
        var maxDoc = searcher.IndexReader.MaxDoc;
        var wanted = take == 0 || skip >= maxDoc ? 0 : (int)Math.Min((long)skip + take, maxDoc);
        // Documents in order: out of order, a BooleanQuery scores through tables of 2 048 buckets made anew for each
        // segment of each search, most of what a reply allocated.
        var collector = new RankedCollector(wanted, wanted == 0 ? [] : searcher.Places, rank);
        searcher.Search(query, collector);
        return ([.. collector.Hits().Skip(skip)], collector.Total);
    }

    /// <summary>The tiers of these documents (<see cref="StoryQueries.TierOf"/>), read from <see cref="StoryQueries.Topic"/>'s
    /// scorer moved to each alone: those it does not match are in none.</summary>
    private static Dictionary<int, SearchField> Tiers(IndexSearcher searcher, Query topic, int words, IEnumerable<int> docs)
    {
        var tiers = new Dictionary<int, SearchField>();
        var weight = searcher.CreateNormalizedWeight(topic);
        foreach (var group in docs.Order().GroupBy(doc => ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)))
        {
            var leaf = searcher.IndexReader.Leaves[group.Key];
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
                continue;
            foreach (var doc in group)
            {
                var target = doc - leaf.DocBase;
                if (scorer.DocID < target && scorer.Advance(target) == DocIdSetIterator.NO_MORE_DOCS)
                    break;
                if (scorer.DocID == target)
                    tiers[doc] = StoryQueries.TierOf(scorer.GetScore(), words);
            }
        }
        return tiers;
    }

    private static HashSet<int> Matching(IndexSearcher searcher, Query query)
    {
        var collector = new DocSetCollector();
        searcher.Search(query, collector);
        return collector.Docs;
    }

    private sealed class StorySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new StorySearcher(reader);
    }
}
