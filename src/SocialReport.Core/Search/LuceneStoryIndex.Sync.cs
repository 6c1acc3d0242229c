using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>What a commit records: the layout, and which editions the index then holds (when known).</summary>
    private Dictionary<string, string> CommitData()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [LayoutKey] = Layout };
        if (_hashes is not null && Digest(_hashes.Select(h => (h.Key, (string?)h.Value))) is { } digest)
            data[ArchiveKey] = digest;
        return data;
    }

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
    /// next start finds the work done. An index that already holds the archive (as its last commit records: a restart
    /// with nothing changed) is neither read through nor written again. Returns how many editions were indexed.
    /// </summary>
    public int Sync(IEditionArchive archive)
    {
        var wanted = archive.List(0, int.MaxValue).ToDictionary(e => e.EditionId, e => e.ContentHash, StringComparer.Ordinal);
        var digest = Digest(wanted.Select(w => (w.Key, w.Value)));
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var held = _hashes is null
                ? (_writer.HasUncommittedChanges() ? null : _committedDigest)
                : Digest(_hashes.Select(h => (h.Key, (string?)h.Value)));
            if (digest is not null && digest == held)
            {
                _hashes ??= wanted.ToImmutableDictionary(w => w.Key, w => w.Value!, StringComparer.Ordinal);
                return 0;
            }
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
            // Gone from the archive since it was listed: no version of it stays indexed.
            foreach (var gone in stale.Except(added.Select(a => a.Topics.Id)).Where(indexed.ContainsKey))
                _writer.DeleteDocuments(new Term(StoryDocument.EditionId, gone));
            if (indexed.Count == 0 && added.Count > 0)
                _writer.ForceMerge(1);
            var kept = stored.Where(g => wanted.ContainsKey(g.Key) && !stale.Contains(g.Key)).ToList();
            _topics = kept.Select(Topics).Concat(added.Select(a => a.Topics)).ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);
            // Kept: not stale, so the archive says its hash, the one indexed.
            _hashes = kept.Select(g => KeyValuePair.Create(g.Key, wanted[g.Key]!))
                .Concat(added.Select(a => KeyValuePair.Create(a.Topics.Id, a.Hash))).ToImmutableDictionary(StringComparer.Ordinal);
            if (_writer.HasUncommittedChanges() || _committedDigest != CommitData().GetValueOrDefault(ArchiveKey))
                Commit();
            return added.Count;
        }
    }

    /// <summary>Indexes the edition in place of its stories indexed before; returns its content hash.</summary>
    private string Replace(Edition edition)
    {
        var hash = EditionContent.Hash(EditionContent.Serialize(edition));
        _writer.UpdateDocuments(new Term(StoryDocument.EditionId, edition.Id), edition.Stories.Select(s => StoryDocument.From(edition, s, hash)));
        return hash;
    }

    /// <summary>Indexes editions on every core (the writer takes documents from several threads): the analysis is the cost.
    /// Returns the topics and content hash of the editions indexed.</summary>
    private List<(EditionTopics Topics, string Hash)> AddAll(IEnumerable<Edition> editions)
    {
        var added = new ConcurrentBag<(EditionTopics, string)>();
        Parallel.ForEach(editions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, edition =>
            added.Add((EditionTopics.From(edition), Replace(edition))));
        return [.. added];
    }

    private void Commit()
    {
        var data = CommitData();
        _writer.SetCommitData(data);
        _writer.Commit();
        _committedDigest = data.GetValueOrDefault(ArchiveKey);
        Refresh();
    }

    /// <summary>The topics of every edition indexed; read from the index the first time when it was kept as it was.</summary>
    private ImmutableDictionary<string, EditionTopics> CurrentTopics()
    {
        if (Volatile.Read(ref _topics) is { } topics)
            return topics;
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _topics ??= WithSearcher(searcher => StoredStories(searcher).GroupBy(s => s.EditionId, StringComparer.Ordinal)
                .Select(Topics).ToImmutableDictionary(e => e.Id, StringComparer.Ordinal));
        }
    }

    /// <summary>One string for a set of editions in given contents (id and content hash each); null when a hash is unknown.</summary>
    private static string? Digest(IEnumerable<(string Id, string? Hash)> editions)
    {
        var text = new StringBuilder();
        foreach (var (id, hash) in editions.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (hash is null)
                return null;
            text.Append(id).Append('\n').Append(hash).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
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
