namespace SocialReport.Host;

/// <summary>
/// Readers' updates wait on the store: each webhook request waits for the update's inbox commit, each chat's handling
/// reads the store and the search index, and LiteDB has no asynchronous API. The pool starts with one thread per core
/// and adds more only about once a second when all are busy (measured: replies at 200 updates/s queued for seconds
/// behind a pool grown one thread at a time). It may grow without that delay up to enough threads for every update
/// being received and handled and the host's other work (broadcast loops, the ledger's writer); threads are still
/// only created when needed. Sends in flight are not counted: a broadcast reads its chats and writes its ledger on its
/// own loops, so a send waits on the platform without holding a thread. The pool still grows past the floor on its own
/// under a broadcast's load: 65–90 threads in all during a 100 000 broadcast whether the floor is 48 or 88, and a
/// ceiling of 40 workers measured no less memory (README, Benchmarks), so none is set.
/// </summary>
internal static class ThreadPoolSizing
{
    private const int OtherWork = 16;

    /// <param name="inbound">Threads the platforms' inbound work may hold at once.</param>
    public static void Apply(int inbound)
    {
        var floor = inbound + OtherWork;
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, floor), completions);
    }
}
