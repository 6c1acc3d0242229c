using System.Diagnostics;
using SocialReport.EndToEnd.Tests.Telegram;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Time from an update's arrival to the reply being sent, at 200 updates per second through the webhook:
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~TelegramWebhookLatencyBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class TelegramWebhookLatencyBenchmark(FakeBotApi api, ITestOutputHelper output) : IClassFixture<FakeBotApi>
{
    private const int Chats = 200;
    private const int PerSecond = 200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    [BenchmarkFact]
    public async Task Latest_at_200_updates_per_second_through_the_webhook()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        for (var chat = 0; chat < Chats; chat++)
        {
            bot.Fake.AddUser(20_000 + chat, $"reader{chat}", null, "fr");
            bot.Fake.AddChat(20_000 + chat);
        }
        await bot.SayAsync(20_000, 20_000, "/latest");

        var sentAt = new List<(long Chat, DateTimeOffset At)>();
        var clock = Stopwatch.StartNew();
        var total = (int)(PerSecond * Duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / PerSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var chat = 20_000 + i % Chats;
            sentAt.Add((chat, DateTimeOffset.UtcNow));
            bot.Fake.SendText(chat, chat, "/latest");
        }
        var offered = total / clock.Elapsed.TotalSeconds;
        await bot.WaitUntilAsync(() => Enumerable.Range(20_000, Chats).Sum(c => bot.Fake.SentTo(c).Count) >= total + 1, "every reply");

        var latencies = new List<double>();
        foreach (var group in sentAt.GroupBy(s => s.Chat))
        {
            var replies = bot.Fake.SentTo(group.Key).Skip(group.Key == 20_000 ? 1 : 0).ToList();
            latencies.AddRange(group.Zip(replies, (sent, reply) => (reply.At - sent.At).TotalMilliseconds));
        }
        latencies.Sort();
        Assert.Equal(total, latencies.Count);
        output.WriteLine($"{total} updates at {offered:F0}/s offered: median {latencies[latencies.Count / 2]:F1} ms, "
            + $"p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms, max {latencies[^1]:F1} ms; "
            + $"process working set {Environment.WorkingSet / 1048576.0:F0} MB (peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB), "
            + $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB — host and fake server in one process");
    }
}
