using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>/forget on every store: after it, no collection or table has a record with the chat's id, and broadcast counts are unchanged.</summary>
public abstract class ReaderDataContract : IDisposable
{
    private const string Id = "7301415926";
    private static readonly ChatKey Reader = new("telegram", Id);
    private static readonly ChatKey Other = new("telegram", "4242");

    private readonly StorageBackend _backend;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    protected ReaderDataContract(StorageBackend backend) => _backend = backend;

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private Chat Chat(ChatKey key) => new()
    {
        Key = key,
        Kind = ChatKind.Private,
        Title = $"Reader {key.Id}",
        Language = "en",
        State = SubscriptionState.Active,
        SubscribedAt = _time.GetUtcNow(),
        SubscribedVia = "/start",
        UpdatedAt = _time.GetUtcNow(),
        TimeZone = "America/New_York",
        QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)),
        Silent = true,
    };

    /// <summary>Everything a reader who is also an editor leaves in the store: chat, request, broadcasts, schedule, rows, an update.</summary>
    private (string Served, string Running) Seed()
    {
        var chats = _backend.Chats();
        chats.Save(Chat(Reader));
        chats.Save(Chat(Other));
        _backend.Requests().Save(Reader, new BroadcastRequest("2020-03-06", false, _time.GetUtcNow().AddMinutes(10)));
        var inbox = _backend.Inbox();
        inbox.Add("telegram", "90001", $"{{\"update_id\":90001,\"message\":{{\"chat\":{{\"id\":{Id}}},\"text\":\"/forget\"}}}}");
        // Handled before anyone looks: a completed update keeps its id, not its body.
        inbox.Complete("telegram", "90001");
        var ledger = _backend.Ledger(new DeliveryOptions(), _time);
        ledger.AddSchedule(new ScheduledBroadcast { Id = "at:1", EditionId = "2020-03-20", DueAt = _time.GetUtcNow().AddDays(1), RequestedBy = Reader.ToString(), CreatedAt = _time.GetUtcNow() });
        var served = ledger.Create("2020-03-06", false, DeliveryMode.Edition, Reader.ToString(), [Reader, Other]);
        foreach (var row in ledger.Due(served.Id, "telegram", _time.GetUtcNow(), 10))
            ledger.Record(row, new SendOutcome.Sent("m" + row.Chat.Id), _time.GetUtcNow());
        ledger.Complete(served.Id);
        var running = ledger.Create("2020-03-13", false, DeliveryMode.Edition, Reader.ToString(), [Reader, Other]);
        return (served.Id, running.Id);
    }

    [Fact]
    public void Erasing_leaves_no_record_with_the_chat_id_in_any_collection_and_keeps_the_counts()
    {
        var (served, running) = Seed();
        var ledger = _backend.Ledger(new DeliveryOptions(), _time);
        var data = _backend.ReaderData();
        Assert.Contains(_backend.EveryRecord(), record => record.Text.Contains(Id, StringComparison.Ordinal));
        Assert.Equal(2, data.Deliveries(Reader));

        Assert.True(data.Erase(Reader));

        var left = _backend.EveryRecord().Where(record => record.Text.Contains(Id, StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, "the chat's id is still in " + string.Join("; ", left));
        Assert.Equal(0, data.Deliveries(Reader));
        Assert.Null(_backend.Chats().Get(Reader));
        Assert.Null(_backend.Requests().Get(Reader));
        Assert.Equal(new DeliveryCounts(0, 2, 0, 0, 0, 0), ledger.Counts(served));
        Assert.Equal(2, ledger.Served("2020-03-06", "telegram"));
        // Its pending delivery is not sent to nobody: Skipped, and the other reader's still goes.
        Assert.Equal(new DeliveryCounts(1, 0, 0, 0, 0, 1), ledger.Counts(running));
        Assert.Equal(Other, Assert.Single(ledger.Due(running, "telegram", _time.GetUtcNow(), 10)).Chat);

        Assert.Equal(Chat(Other), _backend.Chats().Get(Other));
        Assert.Equal(2, data.Deliveries(Other));
        Assert.False(data.Erase(Reader));
    }
}
