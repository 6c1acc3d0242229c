using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Host;

/// <summary>
/// LiteDB has no asynchronous API: every delivery reads the chat and writes the ledger on a thread-pool thread, and
/// those calls wait on each other and on the disk. The pool starts with one thread per core and adds more only about
/// once a second when all are busy, which stalled broadcasts for a second at a time (measured: five stalls in a
/// 3 000-subscriber broadcast, 4 % of its rate). Readers' updates do the same: each webhook request waits for the
/// update's inbox commit, each chat's handling reads the store and the search index. The pool may grow without that
/// delay up to enough threads for every send in flight, every update being received and handled, and the host's other
/// work; threads are still only created when needed (measured: replies at 200 updates/s queued for seconds behind a
/// pool grown one thread at a time).
/// </summary>
internal static class ThreadPoolSizing
{
    private const int OtherWork = 16;

    /// <param name="inbound">Threads the platforms' inbound work may hold at once.</param>
    public static void Apply(IOptions<DeliveryOptions> delivery, int inbound)
    {
        var floor = delivery.Value.MaxConcurrency + inbound + OtherWork;
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, floor), completions);
    }
}
