using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Storage.LiteDb;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Storage;

namespace SocialReport.Host.Tests.Storage;

/// <summary><c>migrate-storage</c> copies every kind of record of a LiteDB file into PostgreSQL, and a second run adds nothing.</summary>
public sealed class MigrateStorageVerbTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Copies_every_record_of_a_LiteDB_file_once()
    {
        Seed();
        string[] arguments = ["migrate-storage", "--from", _dir.DatabaseFile, "--to", database.ConnectionString];

        var (firstExit, firstOutput, firstErrors) = await HostProcess.RunAsync(arguments, _dir.File("unused.db"));
        var (secondExit, secondOutput, secondErrors) = await HostProcess.RunAsync(arguments, _dir.File("unused.db"));

        Assert.True(firstExit == 0, firstErrors);
        Assert.Equal("copied: 3 edition revisions, 3 chats, 2 inbox updates, 1 broadcast requests, 2 broadcasts, 4 delivery rows, 1 schedules", firstOutput.Trim());
        Assert.True(secondExit == 0, secondErrors);
        Assert.Equal("copied: 0 edition revisions, 0 chats, 0 inbox updates, 0 broadcast requests, 0 broadcasts, 0 delivery rows, 0 schedules", secondOutput.Trim());

        using var lite = new LiteDbStore(_dir.DatabaseFile);
        using var postgres = new PostgreSqlStore(database.ConnectionString);
        var (liteArchive, pgArchive) = (new LiteDbEditionArchive(lite, TimeProvider.System), new PostgreSqlEditionArchive(postgres, TimeProvider.System));
        Assert.Equal(liteArchive.List(0, 10), pgArchive.List(0, 10));
        Assert.Equal(liteArchive.Revisions("2020-03-06"), pgArchive.Revisions("2020-03-06"));
        TestEditions.AssertSame(liteArchive.Get("2020-03-06", 1)!, pgArchive.Get("2020-03-06", 1));
        Assert.Equal(PublishOutcome.Unchanged, pgArchive.Publish(liteArchive.Get("2020-03-06")!).Outcome);

        var (liteChats, pgChats) = (new LiteDbChatStore(lite), new PostgreSqlChatStore(postgres));
        Assert.Equal(liteChats.CountByState(), pgChats.CountByState());
        Assert.Equal(liteChats.Get(new ChatKey("teams", "a:1Xy")), pgChats.Get(new ChatKey("teams", "a:1Xy")));

        var inbox = new PostgreSqlUpdateInbox(postgres);
        Assert.False(inbox.Add("telegram", "2", "{}"));
        Assert.Equal([("1", "{\"update_id\":1}")], inbox.Replay("telegram").Select(e => (e.Id, e.Body)));
        Assert.Equal("2020-03-06", new PostgreSqlBroadcastRequestStore(postgres).Take(new ChatKey("telegram", "7"))?.EditionId);

        var options = Options.Create(new DeliveryOptions());
        var (liteLedger, pgLedger) = (new LiteDbDeliveryLedger(lite, options, TimeProvider.System), new PostgreSqlDeliveryLedger(postgres, options, TimeProvider.System));
        Assert.Equal(liteLedger.History(10), pgLedger.History(10));
        Assert.Equal(liteLedger.Counts("2020-03-06#2"), pgLedger.Counts("2020-03-06#2"));
        var (liteRow, pgRow) = (liteLedger.Row("2020-03-06#2", new ChatKey("telegram", "2"))!, pgLedger.Row("2020-03-06#2", new ChatKey("telegram", "2"))!);
        // PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
        Assert.Equal(liteRow with { NextAttemptAt = default }, pgRow with { NextAttemptAt = default });
        Assert.InRange(liteRow.NextAttemptAt - pgRow.NextAttemptAt, TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
        Assert.Equal(liteLedger.GetSchedule("at:1"), pgLedger.GetSchedule("at:1"));
        Assert.Equal(liteLedger.Served("2020-03-06", "telegram"), pgLedger.Served("2020-03-06", "telegram"));
    }

    private void Seed()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var archive = new LiteDbEditionArchive(store, time);
        archive.Publish(TestEditions.Full());
        archive.Publish(TestEditions.Full() with { Intro = "Corrigé." });
        archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13), "en"));

        var chats = new LiteDbChatStore(store);
        chats.Save(new Chat { Key = new ChatKey("telegram", "1"), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = Now });
        chats.Save(new Chat { Key = new ChatKey("telegram", "2"), Kind = ChatKind.Group, Language = "en", State = SubscriptionState.Blocked, UpdatedAt = Now, SubscribedAt = Now });
        chats.Save(new Chat { Key = new ChatKey("teams", "a:1Xy"), Kind = ChatKind.Channel, Title = "Équipe 🗞️", Language = "fr", UpdatedAt = Now, Address = "{\"x\":1}" });

        var inbox = new LiteDbUpdateInbox(store);
        inbox.Add("telegram", "1", "{\"update_id\":1}");
        inbox.Add("telegram", "2", "{\"update_id\":2}");
        inbox.Complete("telegram", "2");
        new LiteDbBroadcastRequestStore(store).Save(new ChatKey("telegram", "7"), new BroadcastRequest("2020-03-06", false, Now.AddMinutes(10)));

        var ledger = new LiteDbDeliveryLedger(store, Options.Create(new DeliveryOptions()), time);
        var first = ledger.Create("2020-03-06", false, DeliveryMode.Edition, "telegram:7", [new ChatKey("telegram", "1")]);
        ledger.Record(ledger.Row(first.Id, new ChatKey("telegram", "1"))!, new SendOutcome.Sent("m-1"), Now);
        time.Advance(TimeSpan.FromMinutes(1));
        ledger.Complete(first.Id);
        ledger.AddSchedule(new ScheduledBroadcast { Id = "at:1", EditionId = "2020-03-06", DueAt = Now, RequestedBy = "telegram:7", CreatedAt = Now });
        var second = ledger.Create("2020-03-06", true, DeliveryMode.Edition, "telegram:7", [new ChatKey("telegram", "1"), new ChatKey("telegram", "2"), new ChatKey("teams", "a:1Xy")], "at:1");
        ledger.Record(ledger.Row(second.Id, new ChatKey("telegram", "2"))!, new SendOutcome.Transient("502"), Now);
    }
}
