using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.EndToEnd.Tests.Delivery;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>
/// Two host processes on one PostgreSQL database, polling one fake Bot API that enforces Telegram's limits: the host
/// sending a broadcast to 2 000 subscribers is killed (SIGKILL) mid-way, and the other one finishes it.
/// </summary>
public sealed class TakeOverTests(FakeBotApi api, ITestOutputHelper output) : IClassFixture<FakeBotApi>
{
    private const long Editor = 5001;
    private const long FirstReader = 3_000_000;
    private const int Readers = 2_000;
    private const int MaxConcurrency = 8;
    private const string Edition = "2020-03-06";
    // Generous: 2 000 messages at Telegram's 30/s take some 70 s, the take-over 10 to 20 s more, on two loaded cores.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_sender_killed_mid_way_the_other_host_finishes_the_broadcast_once_per_subscriber_but_the_sends_in_flight_without_a_429()
    {
        await using var fake = api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Telegram });
        fake.AddUser(Editor, "Ambre", "ambre", "fr");
        fake.AddChat(Editor);
        using var database = new SharedDatabase();
        var readers = Enumerable.Range(0, Readers).Select(i => FirstReader + i).ToHashSet();
        TelegramReaders.Subscribe(fake, new PostgreSqlChatStore(database.Store), readers);
        IEnumerable<BotMessage> ToReaders() => fake.AllSent.Where(message => message.Method == "sendMessage" && readers.Contains(message.ChatId));
        int Reached() => ToReaders().Select(message => message.ChatId).Distinct().Count();

        using var directory = new TempDirectory();
        var settings = database.Settings(new Dictionary<string, string>
        {
            ["Delivery:MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // One after the other: the first seeds the archive before the second starts.
        using var first = await TelegramHostProcess.StartAsync(fake, directory.DatabaseFile, Editor, SharedDatabase.OwnIndex(settings, directory, "first"));
        using var second = await TelegramHostProcess.StartAsync(fake, directory.DatabaseFile, Editor, SharedDatabase.OwnIndex(settings, directory, "second"));

        await TelegramHostProcess.ConfirmBroadcastAsync(fake, Editor, Edition);
        var broadcast = await database.BroadcastOfAsync(Edition, Patience);
        await fake.WaitUntilAsync(() => Reached() >= Readers / 3, Patience, "a third of the subscribers served");
        var senderId = database.SenderOf(broadcast.Id);
        var (sender, other) = senderId == first.Process.Id ? (first, second) : (second, first);
        Assert.Equal(senderId, sender.Process.Id);
        await sender.StopAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var beforeKill = Reached();
        Assert.True(beforeKill < Readers, $"all {beforeKill} served before the kill");

        await fake.WaitUntilAsync(() => Reached() == Readers, Patience, "every subscriber served after the kill");
        var finished = await database.FinishedAsync(broadcast.Id, Patience);

        Assert.False(other.Process.HasExited, "the other host is still up");
        Assert.Equal(BroadcastState.Completed, finished.State);
        Assert.Equal((Readers, 0), (finished.Final!.Sent, finished.Final.Pending));
        var perReader = ToReaders().GroupBy(message => message.ChatId).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(Readers, perReader.Count);
        var duplicates = perReader.Values.Sum(count => count - 1);
        Assert.InRange(duplicates, 0, MaxConcurrency);
        // Bot-wide: every message (sends and edits, readers and editor) within Telegram's 30 per second, none refused.
        var most = TimeWindows.MostInAnyWindow(fake.AllSent.Select(message => message.At), TimeSpan.FromSeconds(1));
        Assert.Empty(fake.LimitViolations);
        Assert.Equal(0, fake.TooManyRequestsReturned);
        Assert.InRange(most, 1, 30);

        // Nothing of the killed host reaches the fake a second after its death: the first message after is the other host's.
        var takenOver = ToReaders().Select(message => message.At).Where(at => at > killedAt + TimeSpan.FromSeconds(1)).Min();
        output.WriteLine($"{Readers} subscribers: {beforeKill} served when the sender was killed; the other host's first send "
            + $"{(takenOver - killedAt).TotalSeconds:F1} s after the kill; {duplicates} duplicate(s); at most {most} messages in one second");
    }
}
