using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Reply latency through the fake connector: the host runs as its own process (Kestrel on loopback, real token
/// validation, MSAL, LiteDB seeded with editions/), activities are POSTed at a fixed rate, and each latency runs from
/// the POST leaving this process to the bot's reply reaching the fake connector.
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~ReplyLatencyBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ReplyLatencyBenchmark(FakeBotFramework botFramework, ITestOutputHelper output) : IClassFixture<FakeBotFramework>
{
    private const int PerSecond = 100;
    private const int Seconds = 10;
    private const int Chats = 100;
    private const string Command = "latest";

    [BenchmarkFact]
    public async Task Reply_latency_at_100_activities_per_second()
    {
        await using var fake = botFramework.Start();
        // 100 replies a second in one tenant would be twice Teams' 50/s: this measures the host, not the limits.
        fake.RateLimits = ConnectorRateLimits.Off;
        using var directory = new TempDirectory();
        using var host = await HostProcess.ServeAsync(directory.DatabaseFile, new Dictionary<string, string>(fake.AdapterSettings)
        {
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Commands:PerChatPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = host.Address };
            var token = TestTokens.Sign(new TokenSpec { Key = fake.Endorsed, ServiceUrl = fake.ServiceUrl, Expires = DateTimeOffset.UtcNow.AddHours(1) });

            // Warm-up: JIT, token caches, LiteDB and the signing keys, at a gentle pace.
            await RunAsync(http, fake, token, "warm", count: 200, perSecond: 50);
            fake.ConnectorRequests.Clear();

            var (latencies, failures, elapsed) = await RunAsync(http, fake, token, "run", PerSecond * Seconds, PerSecond);
            host.Process.Refresh();
            var (rss, peak) = Memory(host.Process.Id);

            latencies.Sort();
            var report = string.Create(CultureInfo.InvariantCulture,
                $"{latencies.Count} replies to '{Command}' at {PerSecond}/s over {elapsed.TotalSeconds:0.0} s ({Chats} chats): " +
                $"median {Percentile(latencies, 0.50):0.0} ms, p90 {Percentile(latencies, 0.90):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, " +
                $"max {latencies[^1]:0.0} ms; failures {failures}; host memory: RSS {rss / 1048576.0:0} MB, peak RSS {peak / 1048576.0:0} MB; " +
                $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            output.WriteLine(report);
            Console.WriteLine(report);

            Assert.Equal(0, failures);
            Assert.Equal(PerSecond * Seconds, latencies.Count);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Sends <paramref name="count"/> messages on a fixed schedule and waits for every reply; latencies in ms.</summary>
    private static async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> RunAsync(
        HttpClient http, FakeConnector fake, string token, string prefix, int count, int perSecond)
    {
        var sentAt = new long[count];
        var posts = new List<Task<HttpStatusCode>>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var activity = TestActivities.PersonalMessage(fake.ServiceUrl, Command) with
            {
                Id = $"{prefix}-{i}",
                Conversation = new ConversationAccount { Id = $"a:bench-{i % Chats}", ConversationType = "personal", TenantId = TestIds.TenantId },
            };
            sentAt[i] = Stopwatch.GetTimestamp();
            posts.Add(PostAsync(http, token, activity));
        }
        var statuses = await Task.WhenAll(posts);
        var elapsed = clock.Elapsed;

        var replies = new Dictionary<string, long>();
        var deadline = Stopwatch.StartNew();
        while (replies.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var request in fake.ConnectorRequests)
            {
                var slash = request.RawTarget.LastIndexOf('/');
                var id = request.RawTarget[(slash + 1)..];
                if (id.StartsWith(prefix + "-", StringComparison.Ordinal)) replies.TryAdd(id, request.ReceivedAt);
            }
            if (replies.Count < count) await Task.Delay(50);
        }

        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            if (replies.TryGetValue($"{prefix}-{i}", out var at))
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], at).TotalMilliseconds);
        }
        return (latencies, statuses.Count(s => s != HttpStatusCode.OK) + (count - latencies.Count), elapsed);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string token, SocialReport.Teams.Protocol.Activity activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Resident and peak resident memory of a process, from /proc (Linux).</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
