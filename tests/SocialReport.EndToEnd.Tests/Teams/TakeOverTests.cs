using System.Diagnostics;
using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>
/// Two host processes on one PostgreSQL database against one fake connector enforcing Teams' limits: the host sending
/// a scheduled broadcast to 2 000 readers of one tenant is killed (SIGKILL) mid-way, and the other one finishes it.
/// </summary>
public sealed class TakeOverTests(FakeBotFramework botFramework, ITestOutputHelper output) : IClassFixture<FakeBotFramework>
{
    private const int Readers = 2_000;
    private const int MaxConcurrency = 8;
    private const int TenantLimit = 50;
    private const string Edition = "2020-03-06";
    // Generous: 2 000 messages at the tenant's 50/s take some 40 s, the take-over 10 to 20 s more, on two loaded cores.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_sender_killed_mid_way_the_other_host_finishes_the_broadcast_once_per_reader_but_the_sends_in_flight_within_the_tenant_limit()
    {
        await using var fake = botFramework.Start();
        fake.KeepBodies = false;
        using var database = new SharedDatabase();
        var readers = TeamsReaders.Spread(Readers, [(TestIds.TenantId, 1.0)], seed: 2000);
        var subscriptions = new Subscriptions(new PostgreSqlChatStore(database.Store), TimeProvider.System);
        foreach (var reader in readers)
        {
            TeamsReaders.Subscribe(subscriptions, reader, fake.ServiceUrl);
            fake.AddConversation(reader.ConversationId, reader.TenantId);
        }
        int Reached() => fake.ConversationsReached.Count;

        using var directory = new TempDirectory();
        var settings = database.Settings(new Dictionary<string, string>(fake.AdapterSettings)
        {
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Delivery:MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Delivery:SchedulerInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // One after the other: the first seeds the archive before the second starts.
        using var first = await HostProcess.ServeAsync(directory.DatabaseFile, SharedDatabase.OwnIndex(settings, directory, "first"));
        using var second = await HostProcess.ServeAsync(directory.DatabaseFile, SharedDatabase.OwnIndex(settings, directory, "second"));

        // Due now: both hosts' schedulers see it, one starts it.
        var now = DateTimeOffset.UtcNow;
        database.Ledger.AddSchedule(new ScheduledBroadcast { Id = $"at:{Edition}@now", EditionId = Edition, DueAt = now, RequestedBy = "test", CreatedAt = now });
        var broadcast = await database.BroadcastOfAsync(Edition, Patience);
        await fake.UntilAsync(() => Reached() >= Readers / 3).WaitAsync(Patience);
        var senderId = database.SenderOf(broadcast.Id);
        var (sender, other) = senderId == first.Process.Id ? (first, second) : (second, first);
        Assert.Equal(senderId, sender.Process.Id);
        await sender.StopAsync();
        var killedAt = Stopwatch.GetTimestamp();
        var beforeKill = Reached();
        Assert.True(beforeKill < Readers, $"all {beforeKill} served before the kill");

        try
        {
            await fake.UntilAsync(() => Reached() == Readers).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{Reached()} readers reached, 429s {fake.TooManyRequestsReturned}, violations {fake.LimitViolations.Count}, other host exited {other.Process.HasExited}; {database.Describe(broadcast.Id)}");
        }
        var finished = await database.FinishedAsync(broadcast.Id, Patience);

        Assert.False(other.Process.HasExited, "the other host is still up");
        Assert.Equal(BroadcastState.Completed, finished.State);
        Assert.Equal((Readers, 0), (finished.Final!.Sent, finished.Final.Pending));
        var duplicates = readers.Sum(reader => fake.DeliveredTo(reader.ConversationId).Count - 1);
        Assert.InRange(duplicates, 0, MaxConcurrency);
        // The tenant's limit: every connector request counted, none refused.
        var requests = fake.ConnectorRequests.Select(request => request.ReceivedAt).Order().ToList();
        var most = TimeWindows.MostInAnyWindow(fake.ConnectorRequests.Select(request => request.CountedAt).OfType<DateTimeOffset>(), TimeSpan.FromSeconds(1));
        Assert.Equal(0, fake.TooManyRequestsReturned);
        Assert.Empty(fake.LimitViolations);
        Assert.InRange(most, 1, TenantLimit);

        // Nothing of the killed host reaches the fake a second after its death: the first request after is the other host's.
        var takenOver = requests.First(at => Stopwatch.GetElapsedTime(killedAt, at) > TimeSpan.FromSeconds(1));
        output.WriteLine($"{Readers} readers: {beforeKill} served when the sender was killed; the other host's first send "
            + $"{Stopwatch.GetElapsedTime(killedAt, takenOver).TotalSeconds:F1} s after the kill; {duplicates} duplicate(s); at most {most} requests in one second");
    }
}
