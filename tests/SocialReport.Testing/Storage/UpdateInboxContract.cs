using SocialReport.Core.Inbox;

namespace SocialReport.Testing.Storage;

/// <summary>What every inbox does, the memory one's and the stores'; the stores' also outlive their process.</summary>
public abstract class UpdateInboxContract : IDisposable
{
    private readonly StorageBackend _backend;

    protected UpdateInboxContract(StorageBackend backend) => _backend = backend;

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private IUpdateInbox Inbox(int remembered = IUpdateInbox.RememberedIds) => _backend.Inbox(remembered);

    [Fact]
    public void Pending_updates_are_replayed_oldest_first_counted_and_a_kept_or_completed_id_is_a_repeat()
    {
        var inbox = Inbox();
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

    [Fact]
    public void A_removed_update_is_forgotten_so_that_its_next_delivery_is_taken()
    {
        var inbox = Inbox();
        inbox.Add("telegram", "1", "{}");

        inbox.Remove("telegram", "1");

        Assert.Empty(inbox.Replay("telegram"));
        Assert.True(inbox.Add("telegram", "1", "{}"));
    }

    [Fact]
    public void A_body_over_the_cap_is_refused()
    {
        var inbox = Inbox();

        Assert.Throws<ArgumentException>(() => inbox.Add("telegram", "1", new string('x', IUpdateInbox.MaxBodyChars + 1)));
        Assert.True(inbox.Add("telegram", "1", new string('x', IUpdateInbox.MaxBodyChars)));
    }

    [Fact]
    public void Only_the_latest_completed_ids_are_remembered_and_pending_ones_are_never_dropped()
    {
        const int remembered = 100;
        var inbox = Inbox(remembered);
        inbox.Add("telegram", "pending", "{}");
        for (var i = 0; i < 2 * remembered; i++)
        {
            inbox.Add("telegram", Id(i), "{}");
            inbox.Complete("telegram", Id(i));
        }

        Assert.True(inbox.Add("telegram", Id(0), "{}"));
        Assert.False(inbox.Add("telegram", Id(2 * remembered - 1), "{}"));
        Assert.Equal(["pending", Id(0)], inbox.Replay("telegram").Select(e => e.Id));
        if (_backend.InboxSize() is { } kept) Assert.InRange(kept, remembered, remembered + remembered / 20 + 2);
    }

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the stores' inboxes do besides: they outlive their process.</summary>
public abstract class DurableUpdateInboxContract(StorageBackend backend) : UpdateInboxContract(backend)
{
    private readonly StorageBackend _backend = backend;

    private IUpdateInbox Inbox() => _backend.Inbox();

    [Fact]
    public void The_store_keeps_its_inbox_across_reopening_and_completed_bodies_are_dropped()
    {
        var inbox = Inbox();
        inbox.Add("telegram", "1", "{\"text\":\"/confirm\"}");
        inbox.Add("telegram", "2", "{\"text\":\"/latest\"}");
        inbox.Complete("telegram", "2");
        Assert.False(_backend.KeepsBody("telegram", "2"));
        _backend.Reopen();

        var reopened = Inbox();
        Assert.False(reopened.Add("telegram", "2", "{}"));
        Assert.True(reopened.Add("telegram", "3", "{}"));
        Assert.Equal([("1", "{\"text\":\"/confirm\"}"), ("3", "{}")], reopened.Replay("telegram").Select(e => (e.Id, e.Body)));
    }
}
