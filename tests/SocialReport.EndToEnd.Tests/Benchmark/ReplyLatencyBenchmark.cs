using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using SocialReport.Teams.Protocol;
using SocialReport.EndToEnd.Tests.Teams;
using SocialReport.Testing;
using SocialReport.Testing.Teams;
using Xunit.Abstractions;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Reply latency through the fake connector: the host runs as its own process (Kestrel on loopback, real token
/// validation, MSAL, LiteDB seeded with editions/), activities are POSTed at a fixed rate, and each latency runs from
/// the POST leaving this process to the bot's reply reaching the fake connector.
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~ReplyLatencyBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ReplyLatencyBenchmark(ITestOutputHelper output)
{
    private const int PerSecond = 100;
    private const int Seconds = 10;
    private const int Chats = 100;
    private const string Command = "latest";

    [BenchmarkFact]
    public async Task Reply_latency_at_100_activities_per_second()
    {
        await using var fake = await FakeConnector.StartAsync();
        // 100 replies a second in one tenant would be twice Teams' 50/s: this measures the host, not the limits.
        fake.RateLimits = ConnectorRateLimits.Off;
        var directory = Directory.CreateTempSubdirectory("socialreport-bench-");
        var port = FreePort();
        using var host = StartHost(fake, directory.FullName, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http, host);
            var token = TestTokens.Sign(new TokenSpec { Key = fake.Endorsed, ServiceUrl = fake.ServiceUrl, Expires = DateTimeOffset.UtcNow.AddHours(1) });

            // Warm-up: JIT, token caches, LiteDB and the signing keys, at a gentle pace.
            await RunAsync(http, fake, token, "warm", count: 200, perSecond: 50);
            fake.ConnectorRequests.Clear();

            var (latencies, failures, elapsed) = await RunAsync(http, fake, token, "run", PerSecond * Seconds, PerSecond);
            host.Refresh();
            var (rss, peak) = Memory(host.Id);

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
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            directory.Delete(recursive: true);
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

    /// <summary>What the host process printed, shown when it fails to start.</summary>
    private static readonly StringBuilder HostOutput = new();

    private static Process StartHost(FakeConnector fake, string directory, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SocialReport.Host.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string>
        {
            ["Teams__AppId"] = TestIds.AppId,
            ["Teams__AppPassword"] = TestIds.AppPassword,
            ["Teams__OpenIdMetadataUrl"] = fake.BotFrameworkMetadataUrl,
            ["Teams__EntraOpenIdMetadataUrl"] = fake.EntraMetadataUrl,
            ["Teams__TokenAuthority"] = fake.TokenAuthority,
            ["Teams__AllowedServiceHosts__0"] = fake.ServiceHost,
            ["Storage__Path"] = Path.Combine(directory, "bot.db"),
            ["Storage__SeedDirectory"] = RepositoryFiles.Editions,
            ["Commands__PerChatPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (HostOutput) HostOutput.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (HostOutput) HostOutput.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process host)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (host.HasExited)
            {
                await host.WaitForExitAsync();
                lock (HostOutput) Assert.Fail("the host exited at start-up:\n" + HostOutput);
            }
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail("the host did not start within a minute");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
