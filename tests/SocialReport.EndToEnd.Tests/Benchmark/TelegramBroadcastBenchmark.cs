using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Telegram;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Broadcasts against the fake Bot API: 3 000 subscribers with Telegram's limits enforced, and 100 000 with them lifted:
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~TelegramBroadcastBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class TelegramBroadcastBenchmark(FakeBotApi api, ITestOutputHelper output) : IClassFixture<FakeBotApi>
{
    /// <summary>The host runs as its own process, so that its peak memory is its own; the fake keeps every message in this one.</summary>
    [BenchmarkFact]
    public async Task A_hundred_thousand_subscribers_with_the_limits_lifted()
    {
        const int subscribers = 100_000;
        const long editor = 5001;
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off });
        fake.AddUser(editor, "Ambre", "ambre", "fr");
        fake.AddChat(editor);
        using var directory = new TempDirectory();
        var database = directory.DatabaseFile;
        TelegramHostProcess.Subscribe(fake, database, Enumerable.Range(0, subscribers).Select(i => 1_000_000L + i));
        using var host = await TelegramHostProcess.StartAsync(fake, database, editor, new Dictionary<string, string>
        {
            ["Delivery:Telegram:MessagesPerSecond"] = "1000000",
            ["Delivery:Telegram:Burst"] = "1000",
            ["Delivery:Telegram:PerChat"] = "",
            ["Delivery:MaxConcurrency"] = "64",
            ["Delivery:BatchSize"] = "500",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        try
        {
            await TelegramHostProcess.ConfirmBroadcastAsync(fake, editor, "2020-03-06");
            var clock = Stopwatch.StartNew();
            await fake.WaitUntilAsync(() => fake.RequestCount("sendMessage") >= subscribers + 2, TimeSpan.FromMinutes(20), "every subscriber served");
            var elapsed = clock.Elapsed.TotalSeconds;
            host.Process.Refresh();
            var peak = host.Process.PeakWorkingSet64 / 1048576.0;
            var cpu = host.Process.TotalProcessorTime.TotalSeconds;
            var arrivals = fake.AllSent.Where(message => message.Method == "sendMessage" && message.ChatId != editor).Select(message => message.At).Order().ToList();
            Assert.Equal(subscribers, arrivals.Count);
            var span = (arrivals[^1] - arrivals[0]).TotalSeconds;
            output.WriteLine($"{subscribers} subscribers, host in its own process: {elapsed:F1} s from the confirmation to the last message; "
                + $"first to last message {span:F1} s, {(arrivals.Count - 1) / span:F0} sends/s; host peak working set {peak:F0} MB; "
                + $"host CPU {cpu:F1} s from its start ({cpu * 1000 / subscribers:F2} ms a subscriber, the ledger's rows included); "
                + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Host and fake in one process, as in the end-to-end tests.</summary>
    [BenchmarkFact]
    public Task Three_thousand_subscribers_at_telegrams_limits() =>
        ThreeThousandAsync(new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram });

    /// <summary>The same with 5 to 60 ms of network on each request: the fake counts each message when it arrives.</summary>
    [BenchmarkFact]
    public Task Over_a_jittery_network_three_thousand_subscribers_at_telegrams_limits() =>
        ThreeThousandAsync(new FakeTelegramOptions
        {
            RateLimits = FakeRateLimits.Telegram,
            NetworkDelay = (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(60)),
        });

    private async Task ThreeThousandAsync(FakeTelegramOptions options)
    {
        const int subscribers = 3_000;
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, options, settings: settings);
        TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<IChatStore>(), Enumerable.Range(0, subscribers).Select(i => 1_000_000L + i));
        GC.Collect();
        var before = bot.Fake.TooManyRequestsReturned;
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var clock = Stopwatch.StartNew();
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "benchmark");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id);
        var elapsed = clock.Elapsed.TotalSeconds;
        Assert.Equal(subscribers, summary!.Sent);
        var arrivals = bot.Fake.AllSent.Where(message => message.Method == "sendMessage").Select(message => message.At).Order().ToList();
        var span = (arrivals[^1] - arrivals[0]).TotalSeconds;
        var rate = (arrivals.Count - 1) / span;
        var throttled = bot.Fake.TooManyRequestsReturned - before;
        var credit = bot.Services.GetRequiredService<DeliveryPacers>().For("telegram").WindowCredit;
        output.WriteLine($"{subscribers} subscribers: {elapsed:F1} s from the request to the summary ({summary.Sent / elapsed:F1} sends/s); "
            + $"first to last message at the fake {span:F1} s, {rate:F1} sends/s"
            + $" = {rate / 30:P1} of the 30/s limit, at most {TimeWindows.MostInAnyWindow(arrivals, TimeSpan.FromSeconds(1))} in any second"
            + $", 429s {throttled} ({(double)throttled / subscribers:P2} of sends), per-chat violations {bot.Fake.LimitViolations.Count(v => v.Kind == RateLimitKind.PerChat)}; "
            + $"window credit at the end {credit.TotalMilliseconds:F1} ms; "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (host and fake in one process), "
            + $"GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; network delay {(options.NetworkDelay is { } delay ? $"{delay.Min.TotalMilliseconds:F0}-{delay.Max.TotalMilliseconds:F0} ms" : "none")}; "
            + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}
