using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>
/// A canary of 5 % of 2 000 readers through the real host and the fake Bot API: exactly 100 first, a restart while it waits,
/// /confirm for the rest (never one twice), then /recall (what is over 48 hours old is refused and counted) and /report's CSV.
/// </summary>
public sealed class CanaryRecallTests(FakeBotApi api) : IClassFixture<FakeBotApi>, IDisposable
{
    private const int Readers = 2000;
    private const long FirstReader = 400_000;
    private const string Id = "2020-03-06#1";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_canary_of_5_percent_of_2000_sends_exactly_100_waits_across_a_restart_then_the_rest_and_recall_deletes_what_is_under_48_hours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var running = new ClockDriver(clock, Tick, every: Tick);
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off, TimeProvider = clock });
        var readers = Enumerable.Range(0, Readers).Select(i => FirstReader + i).ToList();
        int Sends(long id) => fake.SentTo(id).Count(m => m.Method == "sendMessage");

        await using (var first = await StartAsync(fake, clock))
        {
            TelegramReaders.Subscribe(fake, first.Services.GetRequiredService<IChatStore>(), readers);
            var plan = Assert.Single(await first.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-06 canary 5 %"));
            Assert.Contains("Canari : d’abord 5 %, 100 sur 2000", plan.PlainText, StringComparison.Ordinal);
            var started = await first.PressAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan, "Confirmer");
            Assert.Contains(started, m => m.PlainText == $"Canari {Id} lancé : d’abord 5 % de l’audience.");
            var ledger = first.Services.GetRequiredService<IDeliveryLedger>();
            await fake.WaitUntilAsync(() => ledger.Get(Id)?.State == BroadcastState.CanaryDone, Patience, "the canary sent");
            Assert.Equal(100, readers.Count(id => Sends(id) == 1));
            Assert.Equal(Readers - 100, readers.Count(id => Sends(id) == 0));
            await first.WaitUntilAsync(() => fake.LastSentTo(TelegramBotHost.EditorId)?.PlainText.Contains($"Canari {Id} envoyé", StringComparison.Ordinal) == true, "the editor told");
        }
        var sample = readers.Where(id => Sends(id) == 1).ToHashSet();

        // 47 hours later, on a restarted host: the canary still waits, nothing more was sent.
        clock.Advance(TimeSpan.FromHours(47));
        await using var second = await StartAsync(fake, clock);
        var broadcasts = second.Services.GetRequiredService<BroadcastService>();
        var ledger2 = second.Services.GetRequiredService<IDeliveryLedger>();
        Assert.Equal(BroadcastState.CanaryDone, ledger2.Get(Id)!.State);
        Assert.Equal(100, ledger2.Counts(Id).Sent);
        var confirmed = await second.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/confirm");
        Assert.Contains(confirmed, m => m.PlainText == $"Canari {Id} confirmé : envoi au reste de l’audience.");
        await second.WaitUntilAsync(() => ledger2.Get(Id)?.State == BroadcastState.Completed, "the rest sent");
        Assert.All(readers, id => Assert.Equal(1, Sends(id)));
        Assert.Equal(new DeliveryCounts(0, Readers, 0, 0, 0, 0), ledger2.Counts(Id));

        // Two hours on, the canary's messages are 49 hours old: Telegram no longer lets the bot delete them.
        clock.Advance(TimeSpan.FromHours(2));
        var recall = await second.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, $"/recall {Id}");
        Assert.Contains(recall, m => m.PlainText == $"Rappel de {Id} lancé : ses messages sont en cours de suppression.");
        var summary = await broadcasts.WaitRecallAsync(Id).WaitAsync(Patience);
        Assert.Equal((BroadcastRecall.Done, Readers - 100, 100, 0, 0, 0, 0),
            (summary!.State, summary.Deleted, summary.TooOld, summary.NotFound, summary.Forbidden, summary.Failed, summary.Left));
        Assert.Equal(Readers - 100, fake.Deleted.Count);
        foreach (var id in readers)
        {
            var message = fake.SentTo(id).Single(m => m.Method == "sendMessage");
            Assert.Equal(!sample.Contains(id), !fake.IsInChat(id, message.MessageId));
        }
        await second.WaitUntilAsync(() => fake.LastSentTo(TelegramBotHost.EditorId)?.PlainText.StartsWith($"Rappel de {Id} terminé", StringComparison.Ordinal) == true, "the recall's summary");
        Assert.Equal($"Rappel de {Id} terminé : 1900 supprimés ; non supprimés : 100 trop anciens, 0 introuvables, 0 refusés, 0 en échec.",
            fake.LastSentTo(TelegramBotHost.EditorId)!.PlainText);

        // The report: its summary, and a CSV file with every ledger row.
        var before = fake.SentTo(TelegramBotHost.EditorId).Count;
        await second.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, $"/report {Id}", expected: 2);
        var answer = fake.SentTo(TelegramBotHost.EditorId).Skip(before).ToList();
        var file = Assert.Single(answer, m => m.Method == "sendDocument");
        Assert.Equal("report-2020-03-06-1.csv", file.DocumentFileName);
        Assert.Contains(answer, m => m.PlainText.Contains("telegram private : envoyés 2000", StringComparison.Ordinal));
        var lines = Encoding.UTF8.GetString(fake.DocumentOf(TelegramBotHost.EditorId, file.MessageId)!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReportCsv.Header, lines[0]);
        Assert.Equal(Readers, lines.Length - 1);
        var chats = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(readers.Select(id => id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), chats.Select(cells => cells[3]).Order(StringComparer.Ordinal));
        Assert.All(chats, cells => Assert.Equal((Id, "telegram", "private", "Sent"), (cells[0], cells[2], cells[4], cells[5])));
        Assert.Equal(100, chats.Count(cells => cells[10] == "TooOld"));
        Assert.Equal(Readers - 100, chats.Count(cells => cells[10] == "Deleted"));
    }

    [Fact]
    public async Task Taps_on_a_story_button_and_opens_of_a_full_story_are_counted_for_the_broadcast_that_brought_them()
    {
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, settings: new Dictionary<string, string?> { ["Storage:Path"] = _directory.DatabaseFile });
        long[] readers = [FirstReader, FirstReader + 1];
        TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<IChatStore>(), readers);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        Assert.Equal(BroadcastState.Completed, (await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(Patience))!.State);

        var cover = bot.Fake.SentTo(FirstReader).Single();
        var first = cover.AllButtons.Single(b => b.CallbackData == "/read 2020-03-06/1").Text;
        await bot.PressAsync(FirstReader, FirstReader, cover, first);
        await bot.SayAsync(FirstReader + 1, FirstReader + 1, "/full 2020-03-06/2");
        // Typed, not tapped: a /read is no tap; and the editor got no broadcast: nothing counted for them.
        await bot.SayAsync(FirstReader + 1, FirstReader + 1, "/read 2020-03-06/3");
        await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/full 2020-03-06/1");

        var report = bot.Services.GetRequiredService<BroadcastReports>().Report(start.Broadcast.Id)!;
        Assert.Equal([new StoryCount(start.Broadcast.Id, 1, 1, 0), new StoryCount(start.Broadcast.Id, 2, 0, 1)], report.Stories);
        var week = bot.Services.GetRequiredService<BroadcastReports>().Weekly(1).Single();
        Assert.Equal((2, 2, 1, 1), (week.Subscribers, week.Sends, week.Taps, week.Opens));
        var text = await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, $"/report {start.Broadcast.Id}", expected: 2);
        Assert.Contains(text, m => m.PlainText.Contains("article 1 : 1 clics, 0 lectures", StringComparison.Ordinal));
    }

    private Task<TelegramBotHost> StartAsync(FakeTelegramServer fake, FakeTimeProvider clock) =>
        TelegramBotHost.StartAsync(api, TelegramMode.Polling, fake: fake, settings: new Dictionary<string, string?>
        {
            ["Storage:Path"] = _directory.DatabaseFile,
            ["Delivery:Telegram:MessagesPerSecond"] = "1000",
            ["Delivery:MaxConcurrency"] = "16",
        }, services: services => services.AddSingleton<TimeProvider>(clock));
}
