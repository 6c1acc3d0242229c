using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Teams;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Broadcasts to 3 000 Teams readers against the fake connector enforcing Teams' limits (7/1 s, 8/2 s, 60/30 s,
/// 1800/h per conversation, 50/s per tenant):
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~TeamsBroadcastBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class TeamsBroadcastBenchmark(FakeBotFramework botFramework, ITestOutputHelper output) : IClassFixture<FakeBotFramework>
{
    private const int Readers = 3_000;
    private const double TenantLimit = 50;

    /// <summary>One organisation: its tenant's 50/s binds, as does the default bot-wide pace of 50/s.</summary>
    [BenchmarkFact]
    public Task Three_thousand_readers_in_one_tenant() =>
        RunAsync([1.0], []);

    /// <summary>The same with 5 to 60 ms of network on each connector call: the fake counts each call when it arrives.</summary>
    [BenchmarkFact]
    public Task Over_a_jittery_network_three_thousand_readers_in_one_tenant() =>
        RunAsync([1.0], [], (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(60)));

    /// <summary>
    /// Five organisations of unequal size, the bot-wide pace raised to five tenants' worth: each tenant's 50/s binds,
    /// and the largest tenant sets the shortest possible time.
    /// </summary>
    [BenchmarkFact]
    public Task Three_thousand_readers_in_five_tenants() =>
        RunAsync([0.40, 0.25, 0.15, 0.12, 0.08], new Dictionary<string, string?> { ["Delivery:Teams:MessagesPerSecond"] = "250" });

    private async Task RunAsync(double[] shares, Dictionary<string, string?> settings, (TimeSpan Min, TimeSpan Max)? networkDelay = null)
    {
        settings["Logging:LogLevel:Default"] = "Error";
        await using var fake = botFramework.Start();
        fake.KeepBodies = false;
        fake.NetworkDelay = networkDelay;
        using var bot = new TeamsBotHost(fake, settings);
        var random = new Random(3000);
        var tenants = shares.Select(share => (TenantId: TeamsReaders.NewId(random), Share: share)).ToList();
        var readers = TeamsReaders.Spread(Readers, tenants, seed: 3000);
        var subscriptions = bot.Services.GetRequiredService<Subscriptions>();
        foreach (var reader in readers)
        {
            TeamsReaders.Subscribe(subscriptions, reader, fake.ServiceUrl);
            fake.AddConversation(reader.ConversationId, reader.TenantId);
        }
        var largestTenant = readers.GroupBy(r => r.TenantId).Max(g => g.Count());
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var pace = bot.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.ForChannel("teams").MessagesPerSecond;
        GC.Collect();
        fake.ConnectorRequests.Clear();

        var clock = Stopwatch.StartNew();
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "benchmark");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id);
        var elapsed = clock.Elapsed.TotalSeconds;

        Assert.Equal(Readers, summary!.Sent);
        Assert.Equal(Readers, fake.ConversationsReached.Count);
        // The limits allow no faster: each tenant at 50/s (the largest one last), and the host's own bot-wide pace.
        var floor = Math.Max(largestTenant / TenantLimit, Readers / pace);
        var binding = Readers / floor;
        var rate = Readers / elapsed;
        var requests = fake.ConnectorRequests.Count;
        var arrivals = fake.ConnectorRequests.Select(request => request.ReceivedAt).Order().ToList();
        var span = Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1]).TotalSeconds;
        var atFake = (arrivals.Count - 1) / span;
        var throttled = fake.TooManyRequestsReturned;
        var credit = bot.Services.GetRequiredService<DeliveryPacers>().For("teams").WindowCredit;
        var violations = fake.LimitViolations;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"{Readers} readers in {tenants.Count} tenant(s) (largest {largestTenant}), bot-wide pace {pace:0}/s: "
            + $"{elapsed:F1} s from the request to the summary, {rate:F1} sends/s = {rate / binding:P1} of the binding {binding:F1}/s (shortest possible {floor:F1} s); "
            + $"first to last request at the fake {span:F1} s, {atFake:F1}/s = {atFake / binding:P1}; "
            + $"at most {TimeWindows.MostInAnyWindow(fake.ConnectorRequests.Select(request => request.CountedAt).OfType<DateTimeOffset>(), TimeSpan.FromSeconds(1))} in any second; window credit at the end {credit.TotalMilliseconds:F1} ms; "
            + $"429s {throttled} ({(double)throttled / requests:P2} of {requests} requests); violations: per conversation "
            + $"{violations.Count(v => v.Kind == RateLimitKind.PerConversation)}, per tenant {violations.Count(v => v.Kind == RateLimitKind.PerTenant)}; "
            + $"network delay {(networkDelay is { } delay ? $"{delay.Min.TotalMilliseconds:F0}-{delay.Max.TotalMilliseconds:F0} ms" : "none")}; "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (host and fake in one process); "
            + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine(report);
        Console.WriteLine(report);
    }
}
