namespace SocialReport.Storage.LiteDb;

/// <summary>Explicit mapping of <see cref="Chat"/> to its document in <c>chats</c> (enums by name, dates as UTC instants).</summary>
internal static class ChatFields
{
    public const string Channel = "channel";
    public const string ChatId = "chatId";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Language = "language";
    public const string State = "state";
    public const string SubscribedAt = "subscribedAt";
    public const string SubscribedVia = "subscribedVia";
    public const string UpdatedAt = "updatedAt";
    public const string Address = "address";
    public const string Topics = "topics";
    public const string Mode = "mode";
    public const string TimeZone = "timeZone";
    public const string QuietHours = "quietHours";
    public const string Silent = "silent";
    /// <summary>Channel, state, then chat id: indexed, so a channel's chats in one state are a contiguous, ordered range.</summary>
    public const string Slot = "slot";
    /// <summary>Channel, kind and state: indexed, what <see cref="IChatStore.CountByState"/> groups by.</summary>
    public const string Group = "group";

    // A separator below every printable character, so "telegram" + sep sorts before "telegramx" + sep.
    private const char Separator = '\u0001';

    public static string SlotPrefix(string channel, SubscriptionState state) => $"{channel}{Separator}{state}{Separator}";

    public static string SlotOf(string channel, SubscriptionState state, string chatId) => SlotPrefix(channel, state) + chatId;

    public static BsonDocument ToDocument(Chat chat)
    {
        var doc = new BsonDocument
        {
            ["_id"] = chat.Key.ToString(),
            [Channel] = chat.Key.Channel,
            [ChatId] = chat.Key.Id,
            [Kind] = chat.Kind.ToString(),
            [Title] = chat.Title,
            [Language] = chat.Language,
            [State] = chat.State.ToString(),
            [SubscribedAt] = BsonDates.ToBson(chat.SubscribedAt),
            [SubscribedVia] = chat.SubscribedVia,
            [UpdatedAt] = BsonDates.ToBson(chat.UpdatedAt),
            [Address] = chat.Address,
            [Topics] = new BsonArray(chat.Topics.Select(topic => new BsonValue(topic))),
            [Mode] = chat.Mode.ToString(),
            [TimeZone] = chat.TimeZone,
            [QuietHours] = chat.QuietHours?.ToString(),
            [Silent] = chat.Silent,
        };
        SetDerived(doc);
        return doc;
    }

    public static Chat FromDocument(BsonDocument doc) => new()
    {
        Key = new ChatKey(doc[Channel].AsString, doc[ChatId].AsString),
        Kind = Enum.Parse<ChatKind>(doc[Kind].AsString),
        Title = StringOrNull(doc[Title]),
        Language = doc[Language].AsString,
        State = Enum.Parse<SubscriptionState>(doc[State].AsString),
        SubscribedAt = BsonDates.FromBsonOrNull(doc[SubscribedAt]),
        SubscribedVia = StringOrNull(doc[SubscribedVia]),
        UpdatedAt = BsonDates.FromBson(doc[UpdatedAt]),
        Address = StringOrNull(doc[Address]),
        // Chats stored before topics existed have neither field.
        Topics = doc[Topics].IsArray && doc[Topics].AsArray.Count > 0 ? [.. doc[Topics].AsArray.Select(topic => topic.AsString)] : [],
        Mode = doc[Mode].IsString ? Enum.Parse<TopicMode>(doc[Mode].AsString) : TopicMode.All,
        // Fields added after the first files: a missing one reads as null.
        TimeZone = StringOrNull(doc[TimeZone]),
        QuietHours = Core.Readers.QuietHours.TryParse(StringOrNull(doc[QuietHours]), out var quiet) ? quiet : null,
        Silent = doc[Silent].IsBoolean && doc[Silent].AsBoolean,
    };

    /// <summary>Sets the indexed fields derived from channel, id, kind and state.</summary>
    public static void SetDerived(BsonDocument doc)
    {
        var channel = doc[Channel].AsString;
        var state = Enum.Parse<SubscriptionState>(doc[State].AsString);
        doc[Slot] = SlotOf(channel, state, doc[ChatId].AsString);
        doc[Group] = $"{channel}{Separator}{doc[Kind].AsString}{Separator}{state}";
    }

    public static ChatCount ParseGroup(string group, int count)
    {
        var parts = group.Split(Separator);
        return new ChatCount(parts[0], Enum.Parse<ChatKind>(parts[1]), Enum.Parse<SubscriptionState>(parts[2]), count);
    }

    private static string? StringOrNull(BsonValue value) => value.IsNull ? null : value.AsString;
}
