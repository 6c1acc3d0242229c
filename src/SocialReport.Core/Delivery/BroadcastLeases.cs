using Microsoft.Extensions.Logging;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Which host sends a broadcast when several share one store: the holder of its lease, which it renews while it
/// sends; when the holder dies its lease runs out (<see cref="BroadcastLease.Duration"/>) and another host takes it.
/// </summary>
public interface IBroadcastLeases
{
    /// <summary>Whether other hosts may share the store: then each host looks, now and then, for broadcasts whose sender died.</summary>
    bool Shared { get; }

    /// <summary>Takes or renews this host's lease on a broadcast; false while another host holds an unexpired one.</summary>
    bool TryTake(string broadcastId);

    /// <summary>Gives the lease up (the broadcast ended here, or the host stops).</summary>
    void Release(string broadcastId);
}

/// <summary>One host alone on its store (a LiteDB file is opened by one process): every lease is its own.</summary>
public sealed class LocalBroadcastLeases : IBroadcastLeases
{
    public bool Shared => false;

    public bool TryTake(string broadcastId) => true;

    public void Release(string broadcastId)
    {
    }
}

public static partial class BroadcastLease
{
    /// <summary>
    /// How long a lease lasts unrenewed: how long a broadcast waits for another host when its sender dies. With
    /// <see cref="RenewEvery"/>, another host goes on at most 13 s after the death (the 15 s promised, less the database's time).
    /// </summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>How often the holder renews it, and how often the other hosts look for broadcasts to take over.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Renews the lease until <paramref name="stop"/>; when it is lost (another host took it, or the store could not be
    /// reached for a whole <see cref="Duration"/>), calls <paramref name="lost"/> so that this host stops sending.
    /// </summary>
    public static async Task KeepAsync(IBroadcastLeases leases, string broadcastId, TimeProvider time, ILogger logger, Action lost, CancellationToken stop)
    {
        var renewed = time.GetUtcNow();
        try
        {
            while (true)
            {
                await Clock.Delay(time, RenewEvery, stop).ConfigureAwait(false);
                bool kept;
                try { kept = leases.TryTake(broadcastId); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    RenewalFailed(logger, e, broadcastId);
                    kept = time.GetUtcNow() - renewed < Duration;
                    if (kept) continue;
                }
                if (!kept)
                {
                    Lost(logger, broadcastId);
                    lost();
                    return;
                }
                renewed = time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Id}: it could not be renewed; trying again.")]
    private static partial void RenewalFailed(ILogger logger, Exception error, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {Id}: its lease could not be released; it runs out by itself.")]
    internal static partial void ReleaseFailed(ILogger logger, Exception error, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for broadcasts whose sender died failed; trying again.")]
    internal static partial void TakeOverFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Id}: another host holds it now; this host stops its work under it.")]
    private static partial void Lost(ILogger logger, string id);
}
