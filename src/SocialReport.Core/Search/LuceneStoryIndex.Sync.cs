using System.Collections.Concurrent;
using System.Collections.Immutable;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>The index kept on disk, and how it catches up with the archive.</summary>
public sealed partial class LuceneStoryIndex
{
    private static readonly HashSet<string> StoredFields =
        [StoryDocument.StoryId, StoryDocument.EditionId, StoryDocument.Date, StoryDocument.ContentHash, StoryDocument.Topics];

    private static Dictionary<string, string> CommitData => new(StringComparer.Ordinal) { [LayoutKey] = Layout };

    /// <summary>
    /// The index kept in <paramref name="path"/>: created when missing, emptied when it is of another layout or cannot be
    /// read (it is only a copy of the archive). Throws <see cref="LockObtainFailedException"/> while another process has it.
    /// </summary>
    public static LuceneStoryIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        // Memory-mapped: searches at once read the index without a lock. NIOFSDirectory reads each file through one
        // handle under a lock, a convoy when replies search while others do (the doc values of a sort are read per hit).
        var directory = new MMapDirectory(new DirectoryInfo(path));
        try
        {
            try
            {
                return new LuceneStoryIndex(directory);
            }
            catch (IOException e) when (e is not LockObtainFailedException)
            {
                foreach (var file in directory.ListAll())
                    directory.DeleteFile(file);
                return new LuceneStoryIndex(directory);
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Brings the index up to the archive: the editions published or revised since it was written are indexed, those no
    /// longer in the archive dropped; an empty index is built from the whole archive. Then it is committed, so that the
    /// next start finds the work done. Returns how many editions were indexed.
    /// </summary>
    public int Sync(IEditionArchive archive)
    {
        var wanted = archive.List(0, int.MaxValue).ToDictionary(e => e.EditionId, e => e.ContentHash, StringComparer.Ordinal);
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stored = WithSearcher(searcher => StoredStories(searcher).GroupBy(s => s.EditionId, StringComparer.Ordinal).ToList());
            var indexed = stored.ToDictionary(g => g.Key, g => g.First().ContentHash, StringComparer.Ordinal);
            foreach (var gone in indexed.Keys.Where(id => !wanted.ContainsKey(id)))
                _writer.DeleteDocuments(new Term(StoryDocument.EditionId, gone));
            // An archive that does not say its hashes has every edition indexed again.
            var stale = wanted.Where(w => w.Value is null || !indexed.TryGetValue(w.Key, out var hash) || hash != w.Value)
                .Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            // Most of the archive (a first start): one pass over it beats a query per edition.
            var changed = stale.Count > wanted.Count / 2
                ? archive.All().Where(e => stale.Contains(e.Id))
                : stale.Select(archive.Get).OfType<Edition>();
            var added = AddAll(changed);
            if (indexed.Count == 0 && added.Count > 0)
                _writer.ForceMerge(1);
            Commit();
            _topics = stored.Where(g => wanted.ContainsKey(g.Key) && !stale.Contains(g.Key)).Select(Topics)
                .Concat(added).ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);
            return added.Count;
        }
    }

    private void Replace(Edition edition)
    {
        var hash = EditionContent.Hash(EditionContent.Serialize(edition));
        _writer.UpdateDocuments(new Term(StoryDocument.EditionId, edition.Id), edition.Stories.Select(s => StoryDocument.From(edition, s, hash)));
    }

    /// <summary>Indexes editions on every core (the writer takes documents from several threads): the analysis is the cost.
    /// Returns the topics of the editions indexed.</summary>
    private List<EditionTopics> AddAll(IEnumerable<Edition> editions)
    {
        var added = new ConcurrentBag<EditionTopics>();
        Parallel.ForEach(editions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, edition =>
        {
            Replace(edition);
            added.Add(EditionTopics.From(edition));
        });
        return [.. added];
    }

    private void Commit()
    {
        _writer.SetCommitData(CommitData);
        _writer.Commit();
        Refresh();
    }

    private static EditionTopics Topics(IGrouping<string, StoredStory> stories) =>
        new(stories.Key, stories.First().Date, [.. stories.OrderBy(s => s.Number).Select(s => s.Topics)]);

    private static IEnumerable<StoredStory> StoredStories(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
                yield return StoryDocument.Stored(reader.Document(doc, StoredFields));
        }
    }
}
