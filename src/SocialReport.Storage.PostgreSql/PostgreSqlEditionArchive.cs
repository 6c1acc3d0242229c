using SocialReport.Core.Editions;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// Editions in <c>editions</c> (metadata and current revision, so listing never reads edition texts) and every
/// revision's content in <c>edition_revisions</c>. Hosts publishing the same edition at once take turns on an
/// advisory lock of the edition, so revision numbers stay gapless.
/// </summary>
public sealed class PostgreSqlEditionArchive(PostgreSqlStore store, TimeProvider time) : IEditionArchive, IEditionRevisions
{
    private const int StreamBatch = 32;
    private const string Columns = "e.id, e.date, e.title, e.language, e.stories, e.revision, e.published_at, e.hash";

    public PublishResult Publish(Edition edition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edition.Id);
        var json = EditionContent.Serialize(edition);
        var hash = EditionContent.Hash(json);
        var now = time.GetUtcNow();

        return store.InTransaction(connection =>
        {
            connection.Command("SELECT pg_advisory_xact_lock(hashtextextended('edition:' || @id, 0))").With("id", edition.Id).Execute();
            var current = connection.Command("SELECT revision, hash FROM editions WHERE id = @id").With("id", edition.Id)
                .ReadFirst(reader => new { Revision = reader.GetInt32(0), Hash = reader.GetString(1) });
            if (current is not null && current.Hash == hash) return new PublishResult(PublishOutcome.Unchanged, edition.Id, current.Revision);

            var revision = (current?.Revision ?? 0) + 1;
            connection.Command("INSERT INTO edition_revisions (edition_id, revision, hash, published_at, content) VALUES (@id, @revision, @hash, @now, @content)")
                .With("id", edition.Id).With("revision", revision).With("hash", hash).With("now", now).With("content", json).Execute();
            connection.Command("""
                INSERT INTO editions (id, date, title, language, stories, revision, hash, published_at, first_published_at)
                VALUES (@id, @date, @title, @language, @stories, @revision, @hash, @now, @now)
                ON CONFLICT (id) DO UPDATE SET date = excluded.date, title = excluded.title, language = excluded.language,
                    stories = excluded.stories, revision = excluded.revision, hash = excluded.hash, published_at = excluded.published_at
                """)
                .With("id", edition.Id).With("date", edition.Date).With("title", edition.Title).With("language", edition.Language)
                .With("stories", edition.Stories.Count).With("revision", revision).With("hash", hash).With("now", now).Execute();
            return new PublishResult(current is null ? PublishOutcome.Added : PublishOutcome.Revised, edition.Id, revision);
        });
    }

    public Edition? Get(string editionId) =>
        store.Command("SELECT r.content FROM editions e JOIN edition_revisions r ON r.edition_id = e.id AND r.revision = e.revision WHERE e.id = @id")
            .With("id", editionId).ReadFirst(Content);

    public Edition? Get(string editionId, int revision) =>
        store.Command("SELECT content FROM edition_revisions WHERE edition_id = @id AND revision = @revision")
            .With("id", editionId).With("revision", revision).ReadFirst(Content);

    public IReadOnlyList<ArchiveRevision> Revisions(string editionId) =>
        store.Command("""
            SELECT r.revision, r.hash, r.published_at, r.revision = e.revision AS current
            FROM edition_revisions r JOIN editions e ON e.id = r.edition_id WHERE r.edition_id = @id ORDER BY r.revision
            """)
            .With("id", editionId)
            .Read(reader => new ArchiveRevision(reader.GetInt32(0), reader.GetString(1), reader.Instant("published_at"), reader.GetBoolean(3)));

    public Edition? Latest() =>
        store.Command("SELECT r.content FROM editions e JOIN edition_revisions r ON r.edition_id = e.id AND r.revision = e.revision ORDER BY e.date DESC, e.id DESC LIMIT 1")
            .ReadFirst(Content);

    public int Count() => store.Command("SELECT count(*) FROM editions").Scalar<int>();

    public IReadOnlyList<ArchiveEntry> List(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        if (take == 0) return [];
        return store.Command($"SELECT {Columns} FROM editions e ORDER BY e.date DESC, e.id DESC OFFSET @skip LIMIT @take")
            .With("skip", skip).With("take", take).Read(Entry);
    }

    public bool Unpublish(string editionId) => store.InTransaction(connection =>
    {
        // The publishers' lock: a publish of the same edition lands wholly before or after.
        connection.Command("SELECT pg_advisory_xact_lock(hashtextextended('edition:' || @id, 0))").With("id", editionId).Execute();
        connection.Command("DELETE FROM edition_revisions WHERE edition_id = @id").With("id", editionId).Execute();
        return connection.Command("DELETE FROM editions WHERE id = @id").With("id", editionId).Execute() > 0;
    });

    public IEnumerable<Edition> All()
    {
        // Keyset paging, a batch per short query: nothing stays open between items, so a caller may write meanwhile.
        (DateOnly Date, string Id)? before = null;
        while (true)
        {
            var command = store.Command($"""
                SELECT e.date, e.id, r.content FROM editions e JOIN edition_revisions r ON r.edition_id = e.id AND r.revision = e.revision
                {(before is null ? "" : "WHERE (e.date, e.id) < (@date, @id)")}
                ORDER BY e.date DESC, e.id DESC LIMIT @take
                """).With("take", StreamBatch);
            if (before is { } key) command.With("date", key.Date).With("id", key.Id);
            var batch = command.Read(reader => (Date: reader.GetFieldValue<DateOnly>(0), Id: reader.GetString(1), Edition: Content(reader, 2)));

            foreach (var (_, _, edition) in batch) yield return edition;
            if (batch.Count < StreamBatch) yield break;
            before = (batch[^1].Date, batch[^1].Id);
        }
    }

    private static Edition Content(NpgsqlDataReader reader) => Content(reader, 0);

    private static Edition Content(NpgsqlDataReader reader, int column) => EditionContent.Deserialize(reader.GetString(column));

    private static ArchiveEntry Entry(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(2), reader.GetFieldValue<DateOnly>(1), reader.GetString(3),
        reader.GetInt32(4), reader.GetInt32(5), reader.Instant("published_at"), reader.GetString(7));
}
