namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// Writes another store's records into the database as they were (revisions, times, states), for
/// <c>migrate-storage</c>. What is already there is kept (ON CONFLICT DO NOTHING), so copying again adds nothing;
/// each method returns how many records it added.
/// </summary>
public sealed class PostgreSqlImport(PostgreSqlStore store)
{
    private const int Batch = 1000;

    /// <summary>Revisions by edition then revision; each edition points at its newest revision.</summary>
    public int Revisions(IEnumerable<RevisionContent> revisions) => Each(revisions, (connection, r) =>
    {
        var added = connection.Command("""
            INSERT INTO edition_revisions (edition_id, revision, hash, published_at, content) VALUES (@id, @revision, @hash, @published, @content)
            ON CONFLICT DO NOTHING
            """)
            .With("id", r.EditionId).With("revision", r.Revision).With("hash", r.ContentHash).With("published", r.PublishedAt).With("content", r.Json).Execute();
        var edition = EditionContent.Deserialize(r.Json);
        connection.Command("""
            INSERT INTO editions (id, date, title, language, stories, revision, hash, published_at, first_published_at)
            VALUES (@id, @date, @title, @language, @stories, @revision, @hash, @published, @published)
            ON CONFLICT (id) DO UPDATE SET date = excluded.date, title = excluded.title, language = excluded.language, stories = excluded.stories,
                revision = excluded.revision, hash = excluded.hash, published_at = excluded.published_at
            WHERE editions.revision < excluded.revision
            """)
            .With("id", r.EditionId).With("date", edition.Date).With("title", edition.Title).With("language", edition.Language)
            .With("stories", edition.Stories.Count).With("revision", r.Revision).With("hash", r.ContentHash).With("published", r.PublishedAt).Execute();
        return added;
    });

    public int Chats(IEnumerable<Chat> chats) => Each(chats, (connection, chat) =>
        PostgreSqlChatStore.Save(connection, chat, replace: false));

    /// <summary>Updates in arrival order, so that they keep it.</summary>
    public int Inbox(IEnumerable<InboxRecord> updates) => Each(updates, (connection, update) =>
        connection.Command("INSERT INTO inbox (source, id, pending, body, replays) VALUES (@source, @id, @pending, @body, @replays) ON CONFLICT DO NOTHING")
            .With("source", update.Source).With("id", update.Id).With("pending", update.Body is not null).With("body", update.Body).With("replays", update.Replays)
            .Execute());

    public int Requests(IEnumerable<(ChatKey Chat, BroadcastRequest Request)> requests) => Each(requests, (connection, pair) =>
        connection.Command("INSERT INTO broadcast_requests (chat, edition_id, force, expires_at, canary_percent) VALUES (@chat, @edition, @force, @expires, @canary) ON CONFLICT DO NOTHING")
            .With("chat", pair.Chat.ToString()).With("edition", pair.Request.EditionId).With("force", pair.Request.Force).With("expires", pair.Request.ExpiresAt)
            .With("canary", pair.Request.CanaryPercent).Execute());

    public int Broadcasts(IEnumerable<BroadcastRecord> broadcasts) => Each(broadcasts, (connection, b) =>
    {
        var number = int.Parse(b.Id[(b.Id.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var final = b.Final;
        return connection.Command($"""
            INSERT INTO delivery_broadcasts ({LedgerRecords.BroadcastColumns}, number)
            VALUES (@id, @edition, @force, @mode, @requestedBy, @created, @state, @started, @finished, @schedule, @throttled,
                @pending, @sent, @failed, @blocked, @gone, @skipped, @canary, @canaryConfirmed, @recall, @number)
            ON CONFLICT DO NOTHING
            """)
            .With("id", b.Id).With("edition", b.EditionId).With("force", b.Force).With("mode", b.Mode).With("requestedBy", b.RequestedBy)
            .With("created", b.CreatedAt).With("state", b.State).With("started", b.StartedAt).With("finished", b.FinishedAt).With("schedule", b.ScheduleId)
            .With("throttled", b.Throttled).With("pending", final?.Pending).With("sent", final?.Sent).With("failed", final?.Failed)
            .With("blocked", final?.Blocked).With("gone", final?.Gone).With("skipped", final?.Skipped)
            .With("canary", b.CanaryPercent).With("canaryConfirmed", b.CanaryConfirmed).With("recall", b.Recall).With("number", number).Execute();
    });

    public int Rows(IEnumerable<DeliveryRow> rows) => Each(rows, LedgerRecords.InsertRowIfAbsent);

    public int Schedules(IEnumerable<ScheduledBroadcast> schedules) => Each(schedules, (connection, s) =>
        connection.Command($"INSERT INTO delivery_schedules ({LedgerRecords.ScheduleColumns}) VALUES (@id, @edition, @due, @requestedBy, @force, @state, @created, @broadcast, @reason) ON CONFLICT DO NOTHING")
            .With("id", s.Id).With("edition", s.EditionId).With("due", s.DueAt).With("requestedBy", s.RequestedBy).With("force", s.Force)
            .With("state", s.State).With("created", s.CreatedAt).With("broadcast", s.BroadcastId).With("reason", s.Reason).Execute());

    /// <summary>Writes the records a batch per transaction; returns how many were added.</summary>
    private int Each<T>(IEnumerable<T> records, Func<Npgsql.NpgsqlConnection, T, int> write)
    {
        var added = 0;
        foreach (var batch in records.Chunk(Batch))
            added += store.InTransaction(connection => batch.Sum(record => write(connection, record)));
        return added;
    }
}
