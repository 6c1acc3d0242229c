namespace SocialReport.Core.Readers;

/// <summary>A conversation on one channel: <c>telegram</c>, <c>teams</c>, <c>console</c> or <c>web</c>, and its id there.</summary>
public readonly record struct ChatKey(string Channel, string Id)
{
    public override string ToString() => $"{Channel}:{Id}";

    public static ChatKey Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new FormatException($"'{text}' is not channel:id.");
        return new ChatKey(text[..colon], text[(colon + 1)..]);
    }
}

/// <summary>Private chat (Telegram private, Teams personal), group (Telegram group, Teams group chat), or channel (Telegram channel, Teams team channel).</summary>
public enum ChatKind { Private, Group, Channel }

public enum SubscriptionState
{
    /// <summary>Known to the bot (e.g. it chose a language) but never subscribed.</summary>
    New,
    Active,
    /// <summary>Unsubscribed by /stop.</summary>
    Stopped,
    /// <summary>The reader blocked the bot; set again to Active by their next /start.</summary>
    Blocked,
    /// <summary>The chat no longer exists for the bot: deleted, kicked, uninstalled.</summary>
    Gone,
}

/// <summary>What the bot remembers of one chat, including its subscription.</summary>
public sealed record Chat
{
    public required ChatKey Key { get; init; }
    public required ChatKind Kind { get; init; }
    public string? Title { get; init; }
    /// <summary>Interface language: <c>fr</c> or <c>en</c>.</summary>
    public required string Language { get; init; }
    public SubscriptionState State { get; init; } = SubscriptionState.New;
    public DateTimeOffset? SubscribedAt { get; init; }
    /// <summary>How it subscribed: <c>/start</c>, <c>install</c>, <c>/subscribe @channel by 1234</c>…</summary>
    public string? SubscribedVia { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>What the channel needs to reach this chat proactively (e.g. a Teams conversation reference as JSON).</summary>
    public string? Address { get; init; }
    /// <summary>The topics the chat follows (<c>/follow</c>), as the reader typed them, at most <see cref="Following.MaxTopics"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Whether the chat gets every edition or only those about its topics (<c>/mode</c>).</summary>
    public TopicMode Mode { get; init; } = TopicMode.All;
    /// <summary>The IANA time zone the chat's quiet hours are read in (<c>/timezone</c>); null: <c>Delivery:TimeZone</c>.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Local hours a broadcast waits out (<c>/quiet 22:00-07:00</c>); null: none.</summary>
    public QuietHours? QuietHours { get; init; }
    /// <summary>Broadcasts arrive without a notification where the channel can (Telegram's <c>disable_notification</c>).</summary>
    public bool Silent { get; init; }
}

/// <summary>What a chat receives of a broadcast: every edition, its followed stories first; or only editions about its topics.</summary>
public enum TopicMode { All, Topics }

public interface IChatStore
{
    Chat? Get(ChatKey key);

    /// <summary>
    /// Several chats, in the order asked (null where unknown): a broadcast reads its next sends' chats at once. One
    /// query where a store gains by it (PostgreSQL: one round trip); key by key otherwise (LiteDB, in process).
    /// </summary>
    IReadOnlyList<Chat?> Get(IReadOnlyList<ChatKey> keys) => [.. keys.Select(Get)];

    /// <summary>Inserts or replaces the chat.</summary>
    void Save(Chat chat);

    /// <summary>Moves a chat to a new id (a Telegram group that became a supergroup). False when <paramref name="from"/> is unknown.</summary>
    bool Rekey(ChatKey from, ChatKey to);

    /// <summary>Active chats of one channel, streamed in key order, starting after <paramref name="afterId"/> (null: from the start).</summary>
    IEnumerable<Chat> Active(string channel, string? afterId = null);

    /// <summary>How many chats each channel has in each state.</summary>
    IReadOnlyList<ChatCount> CountByState();
}

public sealed record ChatCount(string Channel, ChatKind Kind, SubscriptionState State, int Count);
