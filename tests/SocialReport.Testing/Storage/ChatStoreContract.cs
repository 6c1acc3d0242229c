using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>What every store's chat store does: a test class per store derives from it.</summary>
public abstract partial class ChatStoreContract : IDisposable
{
    private static readonly DateTimeOffset Now = new(2020, 3, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly StorageBackend _backend;
    private readonly IChatStore _chats;

    protected ChatStoreContract(StorageBackend backend)
    {
        _backend = backend;
        _chats = backend.Chats();
    }

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Chat NewChat(string channel, string id, SubscriptionState state = SubscriptionState.Active, ChatKind kind = ChatKind.Private) => new()
    {
        Key = new ChatKey(channel, id),
        Kind = kind,
        Language = "fr",
        State = state,
        UpdatedAt = Now,
    };

    [Fact]
    public void Save_then_get_round_trips_every_field()
    {
        var chat = new Chat
        {
            Key = new ChatKey("teams", "a:1Xy-Zé_9"),
            Kind = ChatKind.Channel,
            Title = "Équipe « Médias » 🗞️",
            Language = "en",
            State = SubscriptionState.Blocked,
            // An offset and sub-millisecond ticks: the store keeps the UTC instant to the millisecond.
            SubscribedAt = new DateTimeOffset(2020, 3, 6, 10, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            SubscribedVia = "/subscribe @channel by 1234",
            UpdatedAt = new DateTimeOffset(2021, 10, 31, 2, 30, 0, 999, TimeSpan.FromHours(-5)).AddTicks(9999),
            Address = """{"serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:1Xy"}}""",
        };

        _chats.Save(chat);
        var stored = _chats.Get(chat.Key);

        Assert.NotNull(stored);
        Assert.Equal(chat.Key, stored.Key);
        Assert.Equal(ChatKind.Channel, stored.Kind);
        Assert.Equal(chat.Title, stored.Title);
        Assert.Equal("en", stored.Language);
        Assert.Equal(SubscriptionState.Blocked, stored.State);
        Assert.Equal(chat.SubscribedVia, stored.SubscribedVia);
        Assert.Equal(chat.Address, stored.Address);
        Assert.Equal(new DateTimeOffset(2020, 3, 6, 8, 15, 30, 123, TimeSpan.Zero), stored.SubscribedAt);
        Assert.Equal(new DateTimeOffset(2021, 10, 31, 7, 30, 0, 999, TimeSpan.Zero), stored.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, stored.UpdatedAt.Offset);
    }

    [Fact]
    public void Save_then_get_keeps_nulls()
    {
        var chat = NewChat("telegram", "-1001234567890", SubscriptionState.New, ChatKind.Group);

        _chats.Save(chat);

        Assert.Equal(chat, _chats.Get(chat.Key));
        Assert.Null(_chats.Get(new ChatKey("telegram", "42")));
    }

    [Fact]
    public void Every_kind_and_state_round_trips()
    {
        var id = 0;
        foreach (var kind in Enum.GetValues<ChatKind>())
        {
            foreach (var state in Enum.GetValues<SubscriptionState>())
            {
                var chat = NewChat("telegram", (id++).ToString(System.Globalization.CultureInfo.InvariantCulture), state, kind) with
                {
                    SubscribedAt = Now.AddDays(-id),
                    SubscribedVia = "/start",
                    Title = $"{kind} {state}",
                };
                _chats.Save(chat);
                Assert.Equal(chat, _chats.Get(chat.Key));
            }
        }
    }

    [Fact]
    public void Save_replaces_the_chat()
    {
        var chat = NewChat("telegram", "7");
        _chats.Save(chat);

        _chats.Save(chat with { State = SubscriptionState.Stopped, Language = "en", UpdatedAt = Now.AddMinutes(1) });

        var stored = _chats.Get(chat.Key)!;
        Assert.Equal((SubscriptionState.Stopped, "en", Now.AddMinutes(1)), (stored.State, stored.Language, stored.UpdatedAt));
        Assert.Empty(_chats.Active("telegram"));
        Assert.Equal(1, _chats.CountByState().Sum(c => c.Count));
    }

    [Fact]
    public void Several_chats_are_read_at_once_in_the_order_asked()
    {
        _chats.Save(NewChat("telegram", "7") with { Title = "seven" });
        _chats.Save(NewChat("telegram", "8", SubscriptionState.Stopped) with { Title = "eight" });
        _chats.Save(NewChat("teams", "a:1Ab") with { Title = "upper" });
        _chats.Save(NewChat("teams", "a:1ab") with { Title = "lower" });

        var read = _chats.Get([new ChatKey("telegram", "8"), new ChatKey("teams", "a:1ab"), new ChatKey("telegram", "9"),
            new ChatKey("teams", "a:1Ab"), new ChatKey("telegram", "7"), new ChatKey("telegram", "8")]);

        Assert.Equal(["eight", "lower", null, "upper", "seven", "eight"], read.Select(chat => chat?.Title));
        Assert.Equal(SubscriptionState.Stopped, read[0]!.State);
        Assert.Empty(_chats.Get([]));
    }

    [Fact]
    public void Ids_differing_only_by_case_are_different_chats()
    {
        _chats.Save(NewChat("teams", "a:1Ab") with { Title = "upper" });
        _chats.Save(NewChat("teams", "a:1ab") with { Title = "lower" });

        Assert.Equal("upper", _chats.Get(new ChatKey("teams", "a:1Ab"))!.Title);
        Assert.Equal("lower", _chats.Get(new ChatKey("teams", "a:1ab"))!.Title);
        Assert.Equal(["a:1Ab", "a:1ab"], _chats.Active("teams").Select(c => c.Key.Id));
    }

    [Fact]
    public void CountByState_counts_each_channel_kind_and_state()
    {
        SeedTelegram(700);
        _chats.Save(NewChat("telegram", "-100", SubscriptionState.Active, ChatKind.Group));
        _chats.Save(NewChat("telegram", "-200", SubscriptionState.Gone, ChatKind.Group));
        _chats.Save(NewChat("teams", "19:x@thread", SubscriptionState.Active, ChatKind.Channel));
        _chats.Save(NewChat("console", "admin", SubscriptionState.New));

        var counts = _chats.CountByState();

        var privates = Enumerable.Range(0, 700).Select(StateOf).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        List<ChatCount> expected =
        [
            new("console", ChatKind.Private, SubscriptionState.New, 1),
            new("teams", ChatKind.Channel, SubscriptionState.Active, 1),
            .. privates.OrderBy(p => p.Key).Select(p => new ChatCount("telegram", ChatKind.Private, p.Key, p.Value)),
            new("telegram", ChatKind.Group, SubscriptionState.Active, 1),
            new("telegram", ChatKind.Group, SubscriptionState.Gone, 1),
        ];
        Assert.Equal(expected, counts);
    }

    [Fact]
    public void Rekey_moves_the_chat_with_every_field()
    {
        var group = NewChat("telegram", "-4001", kind: ChatKind.Group) with
        {
            Title = "Groupe",
            SubscribedAt = Now,
            SubscribedVia = "/start",
            Address = "x",
        };
        _chats.Save(group);

        Assert.True(_chats.Rekey(group.Key, new ChatKey("telegram", "-1004001")));

        Assert.Null(_chats.Get(group.Key));
        Assert.Equal(group with { Key = new ChatKey("telegram", "-1004001") }, _chats.Get(new ChatKey("telegram", "-1004001")));
        Assert.Equal(["-1004001"], _chats.Active("telegram").Select(c => c.Key.Id));
    }

    [Fact]
    public void Rekey_of_an_unknown_chat_is_false_and_onto_a_known_one_replaces_it()
    {
        Assert.False(_chats.Rekey(new ChatKey("telegram", "1"), new ChatKey("telegram", "2")));

        _chats.Save(NewChat("telegram", "-5") with { Title = "old group" });
        _chats.Save(NewChat("telegram", "-1005", SubscriptionState.New) with { Title = "supergroup seen first" });

        Assert.True(_chats.Rekey(new ChatKey("telegram", "-5"), new ChatKey("telegram", "-1005")));
        Assert.Equal("old group", _chats.Get(new ChatKey("telegram", "-1005"))!.Title);
        Assert.Equal(1, _chats.CountByState().Sum(c => c.Count));
        Assert.Null(_chats.Get(new ChatKey("telegram", "2")));
    }

    [Fact]
    public void Chats_survive_reopening_the_store()
    {
        var expected = SeedTelegram(300);
        var counts = _chats.CountByState();
        _backend.Reopen();

        var chats = _backend.Chats();

        Assert.Equal(expected, chats.Active("telegram").Select(c => c.Key.Id));
        Assert.Equal(counts, chats.CountByState());
    }

    private static SubscriptionState StateOf(int i) =>
        i % 11 == 0 ? SubscriptionState.Blocked : i % 7 == 0 ? SubscriptionState.Stopped : i % 13 == 0 ? SubscriptionState.Gone : SubscriptionState.Active;

    /// <summary>Saves <paramref name="count"/> private Telegram chats in shuffled order, and returns the ids of the Active ones in ordinal order.</summary>
    private List<string> SeedTelegram(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => (Index: i, Id: (100_000 + i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        _backend.SaveChats(ids.OrderBy(x => (x.Index * 7919) % count).Select(x => NewChat("telegram", x.Id, StateOf(x.Index))));
        return [.. ids.Where(x => StateOf(x.Index) == SubscriptionState.Active).Select(x => x.Id).Order(StringComparer.Ordinal)];
    }
}
