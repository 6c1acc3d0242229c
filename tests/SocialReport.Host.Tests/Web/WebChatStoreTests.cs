using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Readers;
using SocialReport.Host.Web;

namespace SocialReport.Host.Tests.Web;

public sealed class WebChatStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    private WebChatStore Store(int sessions = 100) =>
        new(Options.Create(new WebOptions { ChatSessions = sessions, ChatSessionIdle = TimeSpan.FromHours(1) }), _time);

    private Chat Chat(string id, SubscriptionState state = SubscriptionState.Active) =>
        new() { Key = new ChatKey("web", id), Kind = ChatKind.Private, Language = "fr", State = state, UpdatedAt = _time.GetUtcNow() };

    [Fact]
    public void A_chat_is_forgotten_an_hour_after_its_last_use()
    {
        var store = Store();
        store.Save(Chat("a"));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(store.Get(new ChatKey("web", "a")));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(store.Get(new ChatKey("web", "a")));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(store.Get(new ChatKey("web", "a")));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Beyond_its_bound_the_least_recently_used_chat_goes_first()
    {
        var store = Store(sessions: 3);
        foreach (var id in new[] { "a", "b", "c" })
        {
            store.Save(Chat(id));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.NotNull(store.Get(new ChatKey("web", "a")));

        store.Save(Chat("d"));

        Assert.Equal(3, store.Count);
        Assert.Null(store.Get(new ChatKey("web", "b")));
        Assert.Equal(["a", "c", "d"], store.Active("web").Select(c => c.Key.Id));
    }

    [Fact]
    public void Counts_and_active_chats_follow_what_is_kept()
    {
        var store = Store();
        store.Save(Chat("a"));
        store.Save(Chat("b", SubscriptionState.Stopped));
        store.Save(Chat("c"));

        Assert.Equal(["c"], store.Active("web", afterId: "a").Select(c => c.Key.Id));
        Assert.Equal(2, store.CountByState().Single(c => c.State == SubscriptionState.Active).Count);
        Assert.True(store.Rekey(new ChatKey("web", "a"), new ChatKey("web", "z")));
        Assert.Null(store.Get(new ChatKey("web", "a")));
        Assert.Equal(SubscriptionState.Active, store.Get(new ChatKey("web", "z"))!.State);
    }
}
