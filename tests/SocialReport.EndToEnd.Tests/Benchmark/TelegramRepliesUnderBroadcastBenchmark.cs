using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Delivery;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Readers;
using SocialReport.Core.Search;
using SocialReport.EndToEnd.Tests.Telegram;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;


namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Update → reply through the webhook at 200 updates/s (<c>/latest</c>, <c>/topic</c>, <c>/search</c> over an archive of
/// 1 000 editions) while a broadcast to 20 000 subscribers runs, at 1 000 or at 30 sends/s (the fake's limits lifted). The webhook
/// posts are timestamped when sent, the replies when they reach the fake. The host stops with the broadcast still running:
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~TelegramRepliesUnderBroadcastBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class TelegramRepliesUnderBroadcastBenchmark(FakeBotApi api, ITestOutputHelper output) : IClassFixture<FakeBotApi>
{
    private const int Subscribers = 20_000;
    private const int Editions = 1_000;
    private const int Chats = 300;
    private const int PerSecond = 200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly string[] Commands = ["/latest", "/topic whatsapp", "/search chiffrement"];

    /// <summary>The broadcast at a paid broadcast's pace.</summary>
    [BenchmarkFact]
    public Task Replies_while_a_broadcast_runs_at_1000_a_second() => RunAsync(1000);

    /// <summary>The broadcast at Telegram's free 30 messages a second, the default.</summary>
    [BenchmarkFact]
    public Task Replies_while_a_broadcast_runs_at_30_a_second() => RunAsync(30);

    /// <summary>The same updates with no broadcast: what the broadcast costs the replies.</summary>
    [BenchmarkFact]
    public Task Replies_with_no_broadcast() => RunAsync(0);

    /// <summary>At 30 a second with every question searched again (<c>Search:CachedPages</c> 0): what the index costs.</summary>
    [BenchmarkFact]
    public Task Replies_while_a_broadcast_runs_at_30_a_second_with_no_pages_kept() => RunAsync(30, cachedPages: 0);

    private async Task RunAsync(int sendsPerSecond, int? cachedPages = null)
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook, new FakeTelegramOptions { RateLimits = FakeRateLimits.Off }, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Delivery:Telegram:MessagesPerSecond"] = Math.Max(1, sendsPerSecond).ToString(CultureInfo.InvariantCulture),
            ["Delivery:Telegram:Burst"] = Math.Max(1, sendsPerSecond / 10).ToString(CultureInfo.InvariantCulture),
            ["Delivery:Telegram:PerChat"] = "",
            ["Search:CachedPages"] = (cachedPages ?? new SearchOptions().CachedPages).ToString(CultureInfo.InvariantCulture),
        });
        var publisher = bot.Services.GetRequiredService<EditionPublisher>();
        var seed = bot.Services.GetRequiredService<IEditionArchive>().Get("2020-03-06")!;
        foreach (var edition in WeeklyArchive.Before(seed, Editions, firstWeek: 1)) publisher.Publish(edition);
        TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<IChatStore>(), Enumerable.Range(0, Subscribers).Select(i => 1_000_000L + i));
        for (var chat = 0; chat < Chats; chat++)
        {
            bot.Fake.AddUser(20_000 + chat, $"reader{chat}", null, "fr");
            bot.Fake.AddChat(20_000 + chat);
        }
        // Each command once first: how many messages it answers with, and everything warm.
        var answers = new int[Commands.Length];
        for (var c = 0; c < Commands.Length; c++)
        {
            var chat = 20_000 + c;
            bot.Fake.SendText(chat, chat, Commands[c]);
            await bot.Fake.WaitUntilAsync(() => bot.Fake.SentTo(chat).Count > 0, TimeSpan.FromSeconds(60), "the first answer");
            await Task.Delay(500);
            answers[c] = bot.Fake.SentTo(chat).Count;
        }

        if (sendsPerSecond > 0) await StartBroadcastAsync(bot, sendsPerSecond);
        var windowStart = DateTimeOffset.UtcNow;

        var sentAt = new List<(long Chat, int Command, DateTimeOffset At)>();
        using var answered = new AnswerTimes();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var total = (int)(PerSecond * Duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / PerSecond);
            var ahead = due - clock.Elapsed;
            if (ahead > TimeSpan.Zero) await Task.Delay(ahead);
            var chat = 20_000 + Commands.Length + i % (Chats - Commands.Length);
            var command = (chat - 20_000) % Commands.Length;
            sentAt.Add((chat, command, DateTimeOffset.UtcNow));
            bot.Fake.SendText(chat, chat, Commands[command]);
        }
        var offered = total / clock.Elapsed.TotalSeconds;
        var windowEnd = DateTimeOffset.UtcNow;
        // Only the broadcast's messages, to its subscribers' chats, while the updates came.
        var broadcastRate = bot.Fake.AllSent.Count(m => m.Method == "sendMessage" && m.ChatId >= 1_000_000 && m.At >= windowStart && m.At < windowEnd)
            / (windowEnd - windowStart).TotalSeconds;
        try
        {
            await bot.Fake.WaitUntilAsync(() => sentAt.GroupBy(s => s.Chat).All(g => bot.Fake.SentTo(g.Key).Count >= g.Count() * answers[g.First().Command]),
                TimeSpan.FromMinutes(5), "every reply");
        }
        catch (TimeoutException)
        {
            var missing = sentAt.GroupBy(s => s.Chat).Select(g => (g.Key, Expected: g.Count() * answers[g.First().Command], Got: bot.Fake.SentTo(g.Key).Count)).Where(c => c.Got < c.Expected).ToList();
            output.WriteLine($"{missing.Count} chats short of replies, e.g. {string.Join(", ", missing.Take(5))}; webhook answers: "
                + string.Join(", ", bot.Fake.WebhookDeliveries.GroupBy(d => d.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? d.Error).Select(g => $"{g.Key} × {g.Count()}"))
                + $"; pending at the fake {bot.Fake.PendingUpdateCount}");
            output.WriteLine(string.Join("\n", bot.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).TakeLast(30).Select(l => $"{l.Level} {l.Category}: {l.Text}")));
            throw;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0;
        var latencies = Commands.Select(_ => new List<double>()).ToArray();
        foreach (var group in sentAt.GroupBy(s => s.Chat))
        {
            var per = answers[group.First().Command];
            // The last message of each answer: the reply is there once all of it is.
            var replies = bot.Fake.SentTo(group.Key).Where((_, n) => n % per == per - 1).ToList();
            foreach (var (sent, reply) in group.Zip(replies)) latencies[sent.Command].Add((reply.At - sent.At).TotalMilliseconds);
        }
        var all = latencies.SelectMany(l => l).Order().ToList();
        Assert.Equal(total, all.Count);
        var lines = Commands.Select((command, c) => Describe(command, latencies[c]));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} updates at {offered:F0}/s offered{(cachedPages == 0 ? " (no search pages kept)" : "")} {(sendsPerSecond > 0 ? $"while a broadcast to {Subscribers} paced at {sendsPerSecond}/s sent {broadcastRate:F0}/s" : "with no broadcast")}: "
            + $"{Describe("all", all)}; {string.Join("; ", lines)}; in the host, from the update's text to its reply (the chat read, the search, the cards; not the webhook, the inbox nor the sending): {answered.Describe()}; CPU from the first update to the last reply {cpu:F0} ms ({cpu / total:F2} ms an update, host, fake and broadcast), {allocated / total:F0} KB allocated an update; "
            + $"process working set {Environment.WorkingSet / 1048576.0:F0} MB (peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB) — host and fake in one process; "
            + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }

    private async Task StartBroadcastAsync(TelegramBotHost bot, int sendsPerSecond)
    {
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "benchmark");
        try
        {
            await bot.Fake.WaitUntilAsync(() => bot.Fake.RequestCount("sendMessage") > Commands.Length + 2 * sendsPerSecond, TimeSpan.FromMinutes(5), "the broadcast under way");
        }
        catch (TimeoutException)
        {
            var ledger = bot.Services.GetRequiredService<IDeliveryLedger>();
            output.WriteLine($"broadcast {ledger.Get(start.Broadcast.Id)?.State}, {ledger.Counts(start.Broadcast.Id)}, sendMessage {bot.Fake.RequestCount("sendMessage")}");
            output.WriteLine(string.Join("\n", bot.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).TakeLast(30).Select(l => $"{l.Level} {l.Category}: {l.Text}")));
            throw;
        }
    }

    private static string Describe(string what, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms, max {sorted[^1]:F1} ms");
    }

    /// <summary>The host's own time to answer each command (<c>socialreport.command.duration</c>), in milliseconds.</summary>
    private sealed class AnswerTimes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new(StringComparer.Ordinal);

        public AnswerTimes()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SocialReportMetrics.MeterName && instrument.Name == "socialreport.command.duration")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "command") _times.GetOrAdd((string)tag.Value!, _ => []).Add(seconds * 1000);
            });
            _listener.Start();
        }

        public string Describe() =>
            string.Join("; ", _times.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => TelegramRepliesUnderBroadcastBenchmark.Describe("/" + pair.Key, [.. pair.Value])));

        public void Dispose() => _listener.Dispose();
    }
}
