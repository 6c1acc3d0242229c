using SocialReport.Core.Delivery;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>A host's leases that fail like a killed process's: no renewal, no release, so another host must wait them out.</summary>
internal sealed class KillableLeases(IBroadcastLeases inner) : IBroadcastLeases
{
    public volatile bool Killed;

    public bool Shared => inner.Shared;

    public bool TryTake(string broadcastId) => Killed ? throw new IOException("the process was killed") : inner.TryTake(broadcastId);

    public void Release(string broadcastId)
    {
        if (Killed) throw new IOException("the process was killed");
        inner.Release(broadcastId);
    }
}
