using System.Globalization;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Storage.LiteDb;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>The host as a separate process, killed (SIGKILL) in the middle of a broadcast and started again.</summary>
public sealed class BroadcastResumeTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Editor = 5001;
    private const long FirstReader = 800_000;
    private const int Readers = 300;
    private const int MaxConcurrency = 8;
    private static readonly Dictionary<string, string> Settings = new() { ["Delivery:MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_broadcast_killed_mid_way_resumes_at_restart_and_every_subscriber_gets_it_with_at_most_MaxConcurrency_duplicates()
    {
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram });
        fake.AddUser(Editor, "Ambre", "ambre", "fr");
        fake.AddChat(Editor);
        using var directory = new TempDirectory();
        var database = directory.DatabaseFile;
        var readers = Enumerable.Range(0, Readers).Select(i => FirstReader + i).ToList();
        TelegramHostProcess.Subscribe(fake, database, readers);
        int Received() => readers.Count(id => fake.SentTo(id).Count > 0);

        using (var first = await TelegramHostProcess.StartAsync(fake, database, Editor, Settings))
        {
            await TelegramHostProcess.ConfirmBroadcastAsync(fake, Editor, "2020-03-06");
            await fake.WaitUntilAsync(() => Received() >= Readers / 3, TimeSpan.FromSeconds(30), "a third of the readers served");
            await first.StopAsync();
        }
        var beforeRestart = Received();
        Assert.True(beforeRestart < Readers, $"all {beforeRestart} served before the kill");

        using (var second = await TelegramHostProcess.StartAsync(fake, database, Editor, Settings))
        {
            try
            {
                await fake.WaitUntilAsync(() => Received() == Readers, TimeSpan.FromSeconds(60), "every reader served after the restart");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            finally
            {
                await second.StopAsync();
            }
        }

        var duplicates = readers.Sum(id => fake.SentTo(id).Count(m => m.Method == "sendMessage") - 1);
        Assert.InRange(duplicates, 0, MaxConcurrency);
        using (var store = new LiteDbStore(database))
        {
            var ledger = new LiteDbDeliveryLedger(store, Options.Create(new DeliveryOptions()), TimeProvider.System);
            var counts = ledger.Counts("2020-03-06#1");
            Assert.Equal((Readers, 0), (counts.Sent, counts.Pending));
        }
    }
}
