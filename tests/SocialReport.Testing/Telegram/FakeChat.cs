using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

/// <summary>What the fake knows of a chat: its kind, the bot's place in it, its messages.</summary>
internal sealed class FakeChat(long id, string type)
{
    public long Id { get; } = id;
    public string Type { get; } = type;
    public string? Title { get; set; }
    public string? Username { get; set; }
    /// <summary>member, administrator, left or kicked (kicked in a private chat: the user blocked the bot).</summary>
    public string BotStatus { get; set; } = type == "channel" ? "administrator" : "member";
    public bool Deleted { get; set; }
    public long? MigratedTo { get; set; }
    public int LastMessageId { get; set; }
    public HashSet<long> Administrators { get; } = [];
    public HashSet<long> Members { get; } = [];
    public Dictionary<int, StoredMessage> Messages { get; } = [];

    public bool IsPrivate => Type == "private";
    public bool IsGroupLike => Type is "group" or "supergroup" or "channel";
}

/// <summary>The current state of a message in a chat.</summary>
internal sealed class StoredMessage
{
    public required FakeChat Chat { get; init; }
    public required int MessageId { get; init; }
    /// <summary>Null for the bot itself and for channel posts.</summary>
    public FakeUser? From { get; init; }
    public bool FromBot { get; init; }
    public required DateTimeOffset Date { get; init; }
    public DateTimeOffset? EditDate { get; set; }
    public FormattedText? Text { get; set; }
    public FormattedText? Caption { get; set; }
    public JsonObject? InlineKeyboard { get; set; }
    public IReadOnlyList<IReadOnlyList<FakeButton>> Buttons { get; set; } = [];
    public StoredFile? Document { get; init; }
    public StoredMessage? ReplyTo { get; init; }
}

internal sealed record StoredFile(string FileId, string FileUniqueId, string FileName, string MimeType, string FilePath, byte[] Content);

internal sealed class PendingUpdate(long updateId, string type, long queueKey, JsonObject json)
{
    public long UpdateId { get; } = updateId;
    public string Type { get; } = type;
    /// <summary>Telegram delivers the updates of one chat in order, one at a time; other chats in parallel.</summary>
    public long QueueKey { get; } = queueKey;
    public JsonObject Json { get; } = json;
    public int Attempts { get; set; }
    public bool InFlight { get; set; }
    public DateTimeOffset NotBefore { get; set; }
}

internal sealed class Fault(int remaining, int statusCode, int retryAfter, long? chatId, string? method)
{
    public int Remaining { get; set; } = remaining;
    public int StatusCode { get; } = statusCode;
    public int RetryAfter { get; } = retryAfter;
    public long? ChatId { get; } = chatId;
    public string? Method { get; } = method;
}
