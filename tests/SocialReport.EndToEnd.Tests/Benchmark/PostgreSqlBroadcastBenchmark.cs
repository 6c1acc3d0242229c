using System.Diagnostics;
using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery;
using SocialReport.EndToEnd.Tests.Telegram;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Broadcasts on PostgreSQL against the fake Bot API with Telegram's limits lifted, the hosts in processes of their own:
/// 100 000 subscribers on one host (beside <see cref="TelegramBroadcastBenchmark"/>'s run on LiteDB), and the time
/// another host takes to go on with a broadcast whose sender was killed (SIGKILL):
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~PostgreSqlBroadcastBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class PostgreSqlBroadcastBenchmark(FakeBotApi api, ITestOutputHelper output) : IClassFixture<FakeBotApi>
{
    private const long Editor = 5001;
    private const long FirstReader = 1_000_000;
    private const string Edition = "2020-03-06";

    private static readonly Dictionary<string, string> LimitsLifted = new()
    {
        ["Delivery:Telegram:MessagesPerSecond"] = "1000000",
        ["Delivery:Telegram:Burst"] = "1000",
        ["Delivery:Telegram:PerChat"] = "",
        ["Delivery:MaxConcurrency"] = "64",
        ["Delivery:BatchSize"] = "500",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [BenchmarkFact]
    public async Task A_hundred_thousand_subscribers_with_the_limits_lifted()
    {
        const int subscribers = 100_000;
        await using var fake = Start(out var database, subscribers);
        using var _ = database;
        using var directory = new TempDirectory();
        using var host = await TelegramHostProcess.StartAsync(fake, directory.DatabaseFile, Editor, SharedDatabase.OwnIndex(database.Settings(LimitsLifted), directory, "host"));
        try
        {
            await TelegramHostProcess.ConfirmBroadcastAsync(fake, Editor, Edition);
            var clock = Stopwatch.StartNew();
            await fake.WaitUntilAsync(() => fake.RequestCount("sendMessage") >= subscribers + 2, TimeSpan.FromMinutes(20), "every subscriber served");
            var elapsed = clock.Elapsed.TotalSeconds;
            host.Process.Refresh();
            var peak = host.Process.PeakWorkingSet64 / 1048576.0;
            var arrivals = ToReaders(fake).Select(message => message.At).Order().ToList();
            Assert.Equal(subscribers, arrivals.Count);
            var span = (arrivals[^1] - arrivals[0]).TotalSeconds;
            Report($"{subscribers} subscribers on PostgreSQL, host in its own process: {elapsed:F1} s from the confirmation to the last message; "
                + $"first to last message {span:F1} s, {(arrivals.Count - 1) / span:F0} sends/s; host peak working set {peak:F0} MB");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Two hosts; the sender is killed once a fifth of the subscribers are served: how long until the other sends.</summary>
    [BenchmarkFact]
    public async Task Taking_a_broadcast_over_after_its_sender_is_killed()
    {
        const int subscribers = 20_000;
        await using var fake = Start(out var database, subscribers);
        using var _ = database;
        using var directory = new TempDirectory();
        var settings = database.Settings(LimitsLifted);
        using var first = await TelegramHostProcess.StartAsync(fake, directory.DatabaseFile, Editor, SharedDatabase.OwnIndex(settings, directory, "first"));
        using var second = await TelegramHostProcess.StartAsync(fake, directory.DatabaseFile, Editor, SharedDatabase.OwnIndex(settings, directory, "second"));

        await TelegramHostProcess.ConfirmBroadcastAsync(fake, Editor, Edition);
        var broadcast = await database.BroadcastOfAsync(Edition, TimeSpan.FromMinutes(5));
        await fake.WaitUntilAsync(() => fake.RequestCount("sendMessage") >= subscribers / 5, TimeSpan.FromMinutes(5), "a fifth of the subscribers served");
        var sender = database.SenderOf(broadcast.Id) == first.Process.Id ? first : second;
        await sender.StopAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var finished = await database.FinishedAsync(broadcast.Id, TimeSpan.FromMinutes(10));
        Assert.Equal(subscribers, finished.Final!.Sent);

        // The killed host's last requests reach the fake within milliseconds; the lease keeps the other away for 10 s at least.
        var after = ToReaders(fake).Select(message => message.At).Where(at => at > killedAt + TimeSpan.FromSeconds(1)).Order().ToList();
        var duplicates = ToReaders(fake).GroupBy(message => message.ChatId).Sum(group => group.Count() - 1);
        Report($"{subscribers} subscribers on PostgreSQL, two hosts, the sender killed at {subscribers - after.Count} served: the other host's first send "
            + $"{(after[0] - killedAt).TotalSeconds:F1} s after the kill (lease {BroadcastLease.Duration.TotalSeconds:0} s, "
            + $"looked for every {BroadcastLease.RenewEvery.TotalSeconds:0} s); {duplicates} duplicate(s)");
    }

    private FakeTelegramServer Start(out SharedDatabase database, int subscribers)
    {
        var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off });
        fake.AddUser(Editor, "Ambre", "ambre", "fr");
        fake.AddChat(Editor);
        database = new SharedDatabase();
        var now = DateTimeOffset.UtcNow;
        var chats = new List<Chat>(subscribers);
        for (var i = 0; i < subscribers; i++)
        {
            fake.AddChat(FirstReader + i);
            chats.Add(new Chat
            {
                Key = new ChatKey("telegram", (FirstReader + i).ToString(CultureInfo.InvariantCulture)),
                Kind = ChatKind.Private,
                Language = "fr",
                State = SubscriptionState.Active,
                SubscribedAt = now,
                UpdatedAt = now,
            });
        }
        new PostgreSqlImport(database.Store).Chats(chats);
        return fake;
    }

    private static IEnumerable<BotMessage> ToReaders(FakeTelegramServer fake) =>
        fake.AllSent.Where(message => message.Method == "sendMessage" && message.ChatId >= FirstReader);

    private void Report(string line)
    {
        line += $"; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
