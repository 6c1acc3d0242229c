using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Storage.LiteDb;
using SocialReport.Telegram.Tests.Fake;

namespace SocialReport.Host.Tests.Telegram;

/// <summary>The host as a separate process, killed (SIGKILL) in the middle of a broadcast and started again.</summary>
public sealed class BroadcastResumeTests
{
    private const long Editor = 5001;
    private const long FirstReader = 800_000;
    private const int Readers = 300;
    private const int MaxConcurrency = 8;

    [Fact]
    public async Task A_broadcast_killed_mid_way_resumes_at_restart_and_every_subscriber_gets_it_with_at_most_MaxConcurrency_duplicates()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram });
        fake.AddUser(Editor, "Ambre", "ambre", "fr");
        fake.AddChat(Editor);
        var directory = Directory.CreateTempSubdirectory("socialreport-resume-").FullName;
        var database = Path.Combine(directory, "socialreport.db");
        var readers = Enumerable.Range(0, Readers).Select(i => FirstReader + i).ToList();
        using (var store = new LiteDbStore(database))
        {
            var chats = new LiteDbChatStore(store);
            foreach (var id in readers)
            {
                fake.AddUser(id, $"Reader {id}", languageCode: "fr");
                fake.AddChat(id);
                chats.Save(new Chat
                {
                    Key = new ChatKey("telegram", id.ToString(CultureInfo.InvariantCulture)),
                    Kind = ChatKind.Private,
                    Language = "fr",
                    State = SubscriptionState.Active,
                    SubscribedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }
        }
        int Received() => readers.Count(id => fake.SentTo(id).Count > 0);

        using (var first = StartHost(fake, database))
        {
            await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") > 0, TimeSpan.FromSeconds(30), "the host to start");
            fake.SendText(Editor, Editor, "/broadcast 2020-03-06");
            var plan = (await fake.WaitForSentAsync(Editor, 1, TimeSpan.FromSeconds(15)))[0];
            var confirm = plan.AllButtons.Single(b => b.Text == "Confirmer");
            fake.PressButton(Editor, Editor, plan.MessageId, confirm.CallbackData!);
            await fake.WaitUntilAsync(() => Received() >= Readers / 3, TimeSpan.FromSeconds(30), "a third of the readers served");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var beforeRestart = Received();
        Assert.True(beforeRestart < Readers, $"all {beforeRestart} served before the kill");

        using (var second = StartHost(fake, database))
        {
            try
            {
                await fake.WaitUntilAsync(() => Received() == Readers, TimeSpan.FromSeconds(60), "every reader served after the restart");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }

        var duplicates = readers.Sum(id => fake.SentTo(id).Count(m => m.Method == "sendMessage") - 1);
        Assert.InRange(duplicates, 0, MaxConcurrency);
        using (var store = new LiteDbStore(database))
        {
            var ledger = new LiteDbDeliveryLedger(store.Database, Options.Create(new DeliveryOptions()), TimeProvider.System);
            var counts = ledger.Counts("2020-03-06#1");
            Assert.Equal((Readers, 0), (counts.Sent, counts.Pending));
        }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static Process StartHost(FakeTelegramServer fake, string database)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "SocialReport.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, "serve", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Telegram__BotToken"] = fake.Token;
        start.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        start.Environment["Telegram__PollingTimeoutSeconds"] = "2";
        start.Environment["Storage__Path"] = database;
        start.Environment["Storage__SeedDirectory"] = RepositoryFiles.Editions;
        start.Environment["Admins__Telegram__0"] = Editor.ToString(CultureInfo.InvariantCulture);
        start.Environment["Delivery__MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        // Drained so that a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
