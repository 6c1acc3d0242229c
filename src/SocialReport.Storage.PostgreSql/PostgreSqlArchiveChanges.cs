namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The archive's revision in <c>archive_revision</c>, which a trigger on <c>editions</c> bumps, and its notification on
/// <c>archive_changed</c>, heard on a connection of its own (LISTEN). A lost connection is opened again on the next wait;
/// meanwhile the caller's periodic look at the revision stands in for the notifications.
/// </summary>
public sealed class PostgreSqlArchiveChanges(PostgreSqlStore store, TimeProvider time) : IArchiveChanges, IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private NpgsqlConnection? _listener;
    private Task? _notified;

    public long Revision() => store.Command("SELECT revision FROM archive_revision").Scalar<long>();

    /// <summary>One caller at a time (the follower): the listening connection has one wait outstanding, kept across calls.</summary>
    public async Task WaitAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        if (_notified is null || _notified.IsCompleted)
        {
            _listener ??= await ListenAsync(cancellationToken).ConfigureAwait(false);
            _notified = _listener.WaitAsync(_closing.Token);
        }
        await Task.WhenAny(_notified, Task.Delay(longest, time, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (_notified.IsFaulted)
        {
            var error = _notified.Exception.InnerException ?? _notified.Exception;
            Close();
            throw new NpgsqlException("The connection listening for archive changes was lost.", error);
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var listen = connection.Command("LISTEN archive_changed");
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Close()
    {
        _listener?.Dispose();
        _listener = null;
        _notified = null;
    }

    public void Dispose()
    {
        _closing.Cancel();
        // The wait ends on its cancellation; only then is the connection free to close.
        try { _notified?.Wait(TimeSpan.FromSeconds(10)); }
        catch (AggregateException) { }
        Close();
        _closing.Dispose();
    }
}
