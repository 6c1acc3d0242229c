using System.Diagnostics;
using LiteDB;

namespace SocialReport.Storage.LiteDb.Tests.Benchmark;

/// <summary>
/// The cost of <c>Storage:Durable</c>: 1 000 single-row commits, and 1 000 updates through the inbox (kept, then
/// completed: two commits each), with and without an fsync per commit, on a file under the temp directory:
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.Storage.LiteDb.Tests -c Release --filter "FullyQualifiedName~StorageCommitBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class StorageCommitBenchmark(ITestOutputHelper output)
{
    private const int Commits = 1000;

    [BenchmarkFact]
    public void A_thousand_commits_with_and_without_Storage_Durable()
    {
        foreach (var durable in new[] { false, true, false, true })
        {
            using var directory = new TempDirectory();
            using var store = new LiteDbStore(directory.DatabaseFile, durable);
            var rows = store.Database.GetCollection("rows");
            for (var i = 0; i < 50; i++) rows.Insert(new BsonDocument { ["n"] = -i });
            var single = Measure(i => rows.Insert(new BsonDocument { ["n"] = i, ["text"] = "/latest" }));

            var inbox = new LiteDbUpdateInbox(store);
            var updates = Measure(i =>
            {
                var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                inbox.Add("telegram", id, "{\"update_id\":" + id + ",\"message\":{\"text\":\"/latest\"}}");
                inbox.Complete("telegram", id);
            });
            output.WriteLine($"Storage:Durable={durable}: single-row commit {single}; update kept and completed {updates}");
        }
    }

    private static string Measure(Action<int> commit)
    {
        var times = new double[Commits];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Commits; i++)
        {
            var one = Stopwatch.GetTimestamp();
            commit(i);
            times[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }
        total.Stop();
        Array.Sort(times);
        return $"{Commits} in {total.Elapsed.TotalSeconds:F2} s ({Commits / total.Elapsed.TotalSeconds:F0}/s): median {times[Commits / 2]:F2} ms, p99 {times[(int)(Commits * 0.99)]:F2} ms";
    }
}
