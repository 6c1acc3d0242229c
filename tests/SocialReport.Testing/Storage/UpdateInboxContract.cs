using SocialReport.Core.Inbox;

namespace SocialReport.Testing.Storage;

/// <summary>The store's inbox and the memory one behave alike; the store's also outlives its process.</summary>
public sealed class UpdateInboxTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<LiteDbStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _dir.Dispose();
    }

    public static TheoryData<string> Kinds => ["memory", "litedb"];

    private IUpdateInbox Inbox(string kind, int remembered = IUpdateInbox.RememberedIds) =>
        kind == "memory" ? new MemoryUpdateInbox(remembered) : new LiteDbUpdateInbox(Open(), remembered);

    private LiteDbStore Open()
    {
        var store = new LiteDbStore(_dir.DatabaseFile);
        _stores.Add(store);
        return store;
    }

    private void Close()
    {
        foreach (var store in _stores) store.Dispose();
        _stores.Clear();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Pending_updates_are_replayed_oldest_first_counted_and_a_kept_or_completed_id_is_a_repeat(string kind)
    {
        var inbox = Inbox(kind);
        Assert.True(inbox.Add("telegram", "30", "{\"update_id\":30}"));
        Assert.True(inbox.Add("telegram", "10", "{\"update_id\":10}"));
        Assert.True(inbox.Add("other", "10", "{}"));
        Assert.True(inbox.Add("telegram", "20", "{\"update_id\":20}"));
        inbox.Complete("telegram", "20");

        Assert.False(inbox.Add("telegram", "30", "{}"));
        Assert.False(inbox.Add("telegram", "20", "{}"));
        Assert.Equal([("30", "{\"update_id\":30}", 1), ("10", "{\"update_id\":10}", 1)], inbox.Replay("telegram").Select(e => (e.Id, e.Body, e.Replays)));
        Assert.Equal([2, 2], inbox.Replay("telegram").Select(e => e.Replays));
        Assert.Equal(["10"], inbox.Replay("other").Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_removed_update_is_forgotten_so_that_its_next_delivery_is_taken(string kind)
    {
        var inbox = Inbox(kind);
        inbox.Add("telegram", "1", "{}");

        inbox.Remove("telegram", "1");

        Assert.Empty(inbox.Replay("telegram"));
        Assert.True(inbox.Add("telegram", "1", "{}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_body_over_the_cap_is_refused(string kind)
    {
        var inbox = Inbox(kind);

        Assert.Throws<ArgumentException>(() => inbox.Add("telegram", "1", new string('x', IUpdateInbox.MaxBodyChars + 1)));
        Assert.True(inbox.Add("telegram", "1", new string('x', IUpdateInbox.MaxBodyChars)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Only_the_latest_completed_ids_are_remembered_and_pending_ones_are_never_dropped(string kind)
    {
        const int remembered = 100;
        var inbox = Inbox(kind, remembered);
        inbox.Add("telegram", "pending", "{}");
        for (var i = 0; i < 2 * remembered; i++)
        {
            inbox.Add("telegram", Id(i), "{}");
            inbox.Complete("telegram", Id(i));
        }

        Assert.True(inbox.Add("telegram", Id(0), "{}"));
        Assert.False(inbox.Add("telegram", Id(2 * remembered - 1), "{}"));
        Assert.Equal(["pending", Id(0)], inbox.Replay("telegram").Select(e => e.Id));
        if (kind == "litedb")
            Assert.InRange(_stores[0].Database.GetCollection(LiteDbUpdateInbox.Collection).Count(), remembered, remembered + remembered / 20 + 2);
    }

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_store_keeps_its_inbox_across_reopening_and_completed_bodies_are_dropped()
    {
        var inbox = new LiteDbUpdateInbox(Open());
        inbox.Add("telegram", "1", "{\"text\":\"/confirm\"}");
        inbox.Add("telegram", "2", "{\"text\":\"/latest\"}");
        inbox.Complete("telegram", "2");
        Close();

        var reopened = new LiteDbUpdateInbox(Open());
        Assert.False(reopened.Add("telegram", "2", "{}"));
        Assert.True(reopened.Add("telegram", "3", "{}"));
        Assert.Equal([("1", "{\"text\":\"/confirm\"}"), ("3", "{}")], reopened.Replay("telegram").Select(e => (e.Id, e.Body)));
        var completed = _stores[0].Database.GetCollection(LiteDbUpdateInbox.Collection).FindById("telegram:2");
        Assert.False(completed.ContainsKey("body"));
    }
}
