using System.Globalization;
using SocialReport.Core.Editions;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Editions in the store's file: a small <c>editions</c> document per edition (metadata, current revision, content
/// hash) and every revision's content in <c>revisions</c>, so listing never reads edition texts.
/// </summary>
public sealed class LiteDbEditionArchive : IEditionArchive, IEditionRevisions
{
    private const int StreamBatch = 32;

    private readonly LiteDbStore _store;
    private readonly TimeProvider _time;
    private readonly ILiteCollection<BsonDocument> _editions;
    private readonly ILiteCollection<BsonDocument> _revisions;
    // Publishing reads then writes; one publisher at a time keeps revision numbers gapless.
    private readonly Lock _publishing = new();

    public LiteDbEditionArchive(LiteDbStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _editions = store.Database.GetCollection(SchemaMigrations.Editions);
        _revisions = store.Database.GetCollection(SchemaMigrations.Revisions);
    }

    public PublishResult Publish(Edition edition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edition.Id);
        var json = EditionContent.Serialize(edition);
        var hash = EditionContent.Hash(json);

        lock (_publishing)
        {
            var current = _editions.FindById(edition.Id);
            if (current is not null && current[EditionFields.Hash].AsString == hash)
            {
                return new PublishResult(PublishOutcome.Unchanged, edition.Id, current[EditionFields.Revision].AsInt32);
            }

            var revision = current is null ? 1 : current[EditionFields.Revision].AsInt32 + 1;
            var now = BsonDates.ToBson(_time.GetUtcNow());
            var date = edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            _store.InTransaction(() =>
            {
                _revisions.Insert(new BsonDocument
                {
                    ["_id"] = RevisionFields.IdOf(edition.Id, revision),
                    [RevisionFields.EditionId] = edition.Id,
                    [RevisionFields.Revision] = revision,
                    [RevisionFields.Hash] = hash,
                    [RevisionFields.PublishedAt] = now,
                    [RevisionFields.Content] = json,
                });
                return _editions.Upsert(new BsonDocument
                {
                    ["_id"] = edition.Id,
                    [EditionFields.Date] = date,
                    [EditionFields.Title] = edition.Title,
                    [EditionFields.Language] = edition.Language,
                    [EditionFields.Stories] = edition.Stories.Count,
                    [EditionFields.Revision] = revision,
                    [EditionFields.Hash] = hash,
                    [EditionFields.PublishedAt] = now,
                    [EditionFields.FirstPublishedAt] = current is null || current[EditionFields.FirstPublishedAt].IsNull ? now : current[EditionFields.FirstPublishedAt],
                    [EditionFields.SortKey] = EditionFields.SortKeyOf(date, edition.Id),
                });
            });

            return new PublishResult(current is null ? PublishOutcome.Added : PublishOutcome.Revised, edition.Id, revision);
        }
    }

    public Edition? Get(string editionId)
    {
        var current = _editions.FindById(editionId);
        return current is null ? null : Get(editionId, current[EditionFields.Revision].AsInt32);
    }

    public Edition? Get(string editionId, int revision)
    {
        var stored = _revisions.FindById(RevisionFields.IdOf(editionId, revision));
        return stored is null ? null : EditionContent.Deserialize(stored[RevisionFields.Content].AsString);
    }

    public IReadOnlyList<ArchiveRevision> Revisions(string editionId)
    {
        var current = _editions.FindById(editionId)?[EditionFields.Revision].AsInt32;
        return [.. _revisions.Query()
            .Where("$." + RevisionFields.EditionId + " = @0", editionId)
            .Select("{revision: $.revision, hash: $.hash, publishedAt: $.publishedAt}")
            .ToEnumerable()
            .Select(doc => new ArchiveRevision(
                doc[RevisionFields.Revision].AsInt32,
                doc[RevisionFields.Hash].AsString,
                BsonDates.FromBson(doc[RevisionFields.PublishedAt]),
                doc[RevisionFields.Revision].AsInt32 == current))
            .OrderBy(r => r.Revision)];
    }

    public Edition? Latest()
    {
        var newest = NewestFirst(_editions).Limit(1).FirstOrDefault();
        return newest is null ? null : Get(newest["_id"].AsString, newest[EditionFields.Revision].AsInt32);
    }

    public int Count() => _editions.Count();

    public IReadOnlyList<ArchiveEntry> List(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        if (take == 0) return [];

        return [.. NewestFirst(_editions)
            .Skip(skip)
            .Limit(take)
            .ToList()
            .Select(ToEntry)];
    }

    public IEnumerable<Edition> All()
    {
        // Keyset paging on the index: each batch is read in its own short read and nothing stays open between
        // items, so a caller may write to the store, or switch threads, while it enumerates.
        string? before = null;
        while (true)
        {
            var batch = NewestFirst(_editions, before).Limit(StreamBatch).ToList();

            foreach (var doc in batch)
            {
                var edition = Get(doc["_id"].AsString, doc[EditionFields.Revision].AsInt32);
                if (edition is not null) yield return edition;
            }

            if (batch.Count < StreamBatch) yield break;
            before = batch[^1][EditionFields.SortKey].AsString;
        }
    }

    public bool Unpublish(string editionId)
    {
        lock (_publishing)
        {
            return _store.InTransaction(() =>
            {
                _revisions.DeleteMany(Queries.Equal(RevisionFields.EditionId, editionId));
                return _editions.Delete(editionId);
            });
        }
    }

    /// <summary>Edition documents newest first (date, then id), optionally only those before a sort key, walked on the index.</summary>
    internal static ILiteQueryable<BsonDocument> NewestFirst(ILiteCollection<BsonDocument> editions, string? beforeSortKey = null)
    {
        var query = editions.Query();
        if (beforeSortKey is not null) query = query.Where("$." + EditionFields.SortKey + " < @0", beforeSortKey);
        return query.OrderByDescending("$." + EditionFields.SortKey);
    }

    private static ArchiveEntry ToEntry(BsonDocument doc) => new(
        doc["_id"].AsString,
        doc[EditionFields.Title].AsString,
        DateOnly.ParseExact(doc[EditionFields.Date].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        doc[EditionFields.Language].AsString,
        doc[EditionFields.Stories].AsInt32,
        doc[EditionFields.Revision].AsInt32,
        BsonDates.FromBson(doc[EditionFields.PublishedAt]),
        doc[EditionFields.Hash] is { IsString: true } hash ? hash.AsString : null);
}
