using System.Globalization;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// Broadcast leases in <c>broadcast_leases</c>: taking one is a single upsert that succeeds only when the lease is
/// free, expired, or already this host's, so two hosts can never both hold it. Times are this host's clock.
/// </summary>
public sealed class PostgreSqlBroadcastLeases(PostgreSqlStore store, TimeProvider time) : IBroadcastLeases
{
    /// <summary>This host, as the holder of its leases: unique per process.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}";

    public bool Shared => true;

    public bool TryTake(string broadcastId)
    {
        var now = time.GetUtcNow();
        return store.Command("""
            INSERT INTO broadcast_leases (broadcast_id, holder, expires_at) VALUES (@broadcast, @holder, @expires)
            ON CONFLICT (broadcast_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE broadcast_leases.holder = excluded.holder OR broadcast_leases.expires_at <= @now
            """)
            .With("broadcast", broadcastId).With("holder", Holder).With("expires", now + BroadcastLease.Duration).With("now", now).Execute() == 1;
    }

    public void Release(string broadcastId) =>
        store.Command("DELETE FROM broadcast_leases WHERE broadcast_id = @broadcast AND holder = @holder").With("broadcast", broadcastId).With("holder", Holder).Execute();
}
