namespace SocialReport.Storage.PostgreSql;

/// <summary>Chats and their subscriptions in <c>chats</c>, keyed by channel and id; times kept to the millisecond, as LiteDB does.</summary>
public sealed class PostgreSqlChatStore(PostgreSqlStore store) : IChatStore
{
    private const int StreamBatch = 500;
    private const string Columns = "channel, chat_id, kind, title, language, state, subscribed_at, subscribed_via, updated_at, address, topics, topic_mode, time_zone, quiet_hours, silent";

    private const string Upsert = $"""
        INSERT INTO chats ({Columns}) VALUES (@channel, @id, @kind, @title, @language, @state, @subscribedAt, @subscribedVia, @updatedAt, @address, @topics, @topicMode, @timeZone, @quietHours, @silent)
        ON CONFLICT (channel, chat_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, language = excluded.language,
            state = excluded.state, subscribed_at = excluded.subscribed_at, subscribed_via = excluded.subscribed_via,
            updated_at = excluded.updated_at, address = excluded.address, topics = excluded.topics, topic_mode = excluded.topic_mode,
            time_zone = excluded.time_zone, quiet_hours = excluded.quiet_hours, silent = excluded.silent
        """;

    private const string Insert = $"INSERT INTO chats ({Columns}) VALUES (@channel, @id, @kind, @title, @language, @state, @subscribedAt, @subscribedVia, @updatedAt, @address, @topics, @topicMode, @timeZone, @quietHours, @silent) ON CONFLICT DO NOTHING";

    public Chat? Get(ChatKey key) =>
        store.Command($"SELECT {Columns} FROM chats WHERE channel = @channel AND chat_id = @id")
            .With("channel", key.Channel).With("id", key.Id).ReadFirst(Read);

    public IReadOnlyList<Chat?> Get(IReadOnlyList<ChatKey> keys)
    {
        var found = keys.GroupBy(key => key.Channel, StringComparer.Ordinal)
            .SelectMany(channel => store.Command($"SELECT {Columns} FROM chats WHERE channel = @channel AND chat_id = ANY(@ids)")
                .With("channel", channel.Key).With("ids", channel.Select(key => key.Id).ToArray()).Read(Read))
            .ToDictionary(chat => chat.Key);
        return [.. keys.Select(key => found.GetValueOrDefault(key))];
    }

    public void Save(Chat chat)
    {
        using var connection = store.DataSource.OpenConnection();
        Save(connection, chat);
    }

    public bool Rekey(ChatKey from, ChatKey to) => store.InTransaction(connection =>
    {
        var chat = connection.Command($"SELECT {Columns} FROM chats WHERE channel = @channel AND chat_id = @id FOR UPDATE")
            .With("channel", from.Channel).With("id", from.Id).ReadFirst(Read);
        if (chat is null) return false;
        if (from == to) return true;
        Save(connection, chat with { Key = to });
        connection.Command("DELETE FROM chats WHERE channel = @channel AND chat_id = @id").With("channel", from.Channel).With("id", from.Id).Execute();
        return true;
    });

    public IEnumerable<Chat> Active(string channel, string? afterId = null) => InState(channel, SubscriptionState.Active, afterId);

    /// <summary>The chats of one channel in one state, streamed in id order (byte-wise), starting after <paramref name="afterId"/>.</summary>
    public IEnumerable<Chat> InState(string channel, SubscriptionState state, string? afterId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return Stream(channel, state, afterId);
    }

    private IEnumerable<Chat> Stream(string channel, SubscriptionState state, string? afterId)
    {
        // Keyset paging on the slot index, a batch per short query: memory stays at one batch, and nothing is held
        // open between items (the caller may save chats or await meanwhile).
        var after = afterId ?? "";
        while (true)
        {
            var batch = store.Command($"SELECT {Columns} FROM chats WHERE channel = @channel AND state = @state AND chat_id > @after ORDER BY chat_id LIMIT @take")
                .With("channel", channel).With("state", state).With("after", after).With("take", StreamBatch).Read(Read);
            foreach (var chat in batch) yield return chat;
            if (batch.Count < StreamBatch) yield break;
            after = batch[^1].Key.Id;
        }
    }

    public IReadOnlyList<ChatCount> CountByState() =>
        [.. store.Command("SELECT channel, kind, state, count(*)::integer FROM chats GROUP BY channel, kind, state")
            .Read(reader => new ChatCount(reader.GetString(0), reader.Enum<ChatKind>("kind"), reader.Enum<SubscriptionState>("state"), reader.GetInt32(3)))
            .OrderBy(c => c.Channel, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.State)];

    /// <summary>Writes a chat; with <paramref name="replace"/> false, a chat already there is kept. Returns 1 when written.</summary>
    internal static int Save(NpgsqlConnection connection, Chat chat, bool replace = true) =>
        connection.Command(replace ? Upsert : Insert)
            .With("channel", chat.Key.Channel).With("id", chat.Key.Id).With("kind", chat.Kind).With("title", chat.Title)
            .With("language", chat.Language).With("state", chat.State).With("subscribedAt", Milliseconds(chat.SubscribedAt))
            .With("subscribedVia", chat.SubscribedVia).With("updatedAt", Milliseconds(chat.UpdatedAt)).With("address", chat.Address)
            .With("topics", chat.Topics.ToArray()).With("topicMode", chat.Mode)
            .With("timeZone", chat.TimeZone).With("quietHours", chat.QuietHours?.ToString()).With("silent", chat.Silent)
            .Execute();

    private static DateTimeOffset? Milliseconds(DateTimeOffset? instant) =>
        instant is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) : null;

    private static Chat Read(NpgsqlDataReader reader) => new()
    {
        Key = new ChatKey(reader.GetString(0), reader.GetString(1)),
        Kind = reader.Enum<ChatKind>("kind"),
        Title = reader.StringOrNull("title"),
        Language = reader.GetString(4),
        State = reader.Enum<SubscriptionState>("state"),
        SubscribedAt = reader.InstantOrNull("subscribed_at"),
        SubscribedVia = reader.StringOrNull("subscribed_via"),
        UpdatedAt = reader.Instant("updated_at"),
        Address = reader.StringOrNull("address"),
        Topics = reader.GetFieldValue<string[]>(reader.GetOrdinal("topics")) is { Length: > 0 } topics ? topics : [],
        Mode = reader.Enum<TopicMode>("topic_mode"),
        TimeZone = reader.StringOrNull("time_zone"),
        QuietHours = QuietHours.TryParse(reader.StringOrNull("quiet_hours"), out var quiet) ? quiet : null,
        Silent = reader.GetBoolean(reader.GetOrdinal("silent")),
    };
}
