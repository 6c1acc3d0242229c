namespace SocialReport.Storage.PostgreSql;

/// <summary>Broadcast requests waiting for /confirm in <c>broadcast_requests</c>, one per chat; a request is taken once, on whichever host.</summary>
public sealed class PostgreSqlBroadcastRequestStore(PostgreSqlStore store) : IBroadcastRequestStore
{
    public void Save(ChatKey chat, BroadcastRequest request) =>
        store.Command("""
            INSERT INTO broadcast_requests (chat, edition_id, force, expires_at, canary_percent) VALUES (@chat, @edition, @force, @expires, @canary)
            ON CONFLICT (chat) DO UPDATE SET edition_id = excluded.edition_id, force = excluded.force, expires_at = excluded.expires_at,
                canary_percent = excluded.canary_percent
            """)
            .With("chat", chat.ToString()).With("edition", request.EditionId).With("force", request.Force).With("expires", request.ExpiresAt).With("canary", request.CanaryPercent).Execute();

    public BroadcastRequest? Get(ChatKey chat) =>
        store.Command("SELECT edition_id, force, expires_at, canary_percent FROM broadcast_requests WHERE chat = @chat").With("chat", chat.ToString()).ReadFirst(Read);

    public BroadcastRequest? Take(ChatKey chat) =>
        store.Command("DELETE FROM broadcast_requests WHERE chat = @chat RETURNING edition_id, force, expires_at, canary_percent").With("chat", chat.ToString()).ReadFirst(Read);

    private static BroadcastRequest Read(Npgsql.NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetBoolean(1), reader.Instant("expires_at")) { CanaryPercent = reader.IntOrNull("canary_percent") };
}
