using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Storage.LiteDb;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary><c>backup</c> next to a host in the middle of a broadcast, then <c>restore</c> into a new path, as an operator runs them.</summary>
public sealed class BackupWhileBroadcastingTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Editor = 5001;
    private const long FirstReader = 810_000;
    private const int Readers = 300;

    [Fact]
    public async Task A_backup_taken_during_a_broadcast_restores_every_edition_subscription_and_ledger_row()
    {
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram });
        fake.AddUser(Editor, "Ambre", "ambre", "fr");
        fake.AddChat(Editor);
        using var directory = new TempDirectory();
        var (database, backup, restored) = (directory.DatabaseFile, directory.File("backups/monday.db"), directory.File("restored/socialreport.db"));
        var readers = Enumerable.Range(0, Readers).Select(i => FirstReader + i).ToList();
        TelegramHostProcess.Subscribe(fake, database, readers);
        int Received() => readers.Count(id => fake.SentTo(id).Count > 0);
        // One reader's send is held until the backup is made: the broadcast is still running then, however slow the machine.
        var held = fake.HoldNext("sendMessage", readers[Readers / 2]);

        int receivedBefore;
        using (var host = await TelegramHostProcess.StartAsync(fake, database, Editor))
        {
            try
            {
                await TelegramHostProcess.ConfirmBroadcastAsync(fake, Editor, "2020-03-06");
                await fake.WaitUntilAsync(() => Received() >= Readers / 3, TimeSpan.FromSeconds(60), "a third of the readers served");
                receivedBefore = Received();

                var (exit, output, errors) = await HostProcess.RunAsync(["backup", backup], database);
                Assert.True(exit == 0, errors);
                Assert.StartsWith($"backed up {database} to {backup} (", output.Trim(), StringComparison.Ordinal);

                var (refusedExit, _, refusal) = await HostProcess.RunAsync(["restore", backup, "--replace"], database);
                Assert.Equal(3, refusedExit);
                Assert.Equal($"{database} is open in a running SocialReport process: stop it before restoring; a store in use is never overwritten.", refusal.Trim());

                held.Release();
                await fake.WaitUntilAsync(() => Received() == Readers, TimeSpan.FromSeconds(60), "every reader served");
            }
            finally
            {
                await host.StopAsync();
            }
        }

        var (restoreExit, restoreOutput, restoreErrors) = await HostProcess.RunAsync(["restore", backup], restored);
        Assert.True(restoreExit == 0, restoreErrors);
        Assert.Equal($"restored {backup} to {restored}", restoreOutput.Trim());

        using var original = new LiteDbStore(database);
        using var copy = new LiteDbStore(restored);
        var (originalArchive, copiedArchive) = (new LiteDbEditionArchive(original, TimeProvider.System), new LiteDbEditionArchive(copy, TimeProvider.System));
        Assert.Equal(4, copiedArchive.Count());
        Assert.Equal(originalArchive.List(0, 10), copiedArchive.List(0, 10));
        var (originalChats, copiedChats) = (new LiteDbChatStore(original), new LiteDbChatStore(copy));
        foreach (var reader in readers)
        {
            var key = new ChatKey("telegram", reader.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(SubscriptionState.Active, copiedChats.Get(key)?.State);
        }
        Assert.Equal(originalChats.CountByState(), copiedChats.CountByState());

        var ledger = new LiteDbDeliveryLedger(copy, Options.Create(new DeliveryOptions()), TimeProvider.System);
        var counts = ledger.Counts("2020-03-06#1");
        Assert.Equal(Readers, counts.Total);
        Assert.InRange(counts.Sent, receivedBefore - new DeliveryOptions().MaxConcurrency, Readers - 1);
        Assert.All(readers, reader => Assert.NotNull(ledger.Row("2020-03-06#1", new ChatKey("telegram", reader.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }
}
