namespace SocialReport.Storage.LiteDb;

/// <summary>Chats and their subscriptions in the store's file, keyed by <c>channel:id</c>.</summary>
public sealed class LiteDbChatStore : IChatStore
{
    private const int StreamBatch = 500;
    // The highest UTF-16 unit: above any chat id in ordinal order.
    private const string AfterEveryId = "\uffff";

    private readonly LiteDbStore _store;
    private readonly ILiteCollection<BsonDocument> _chats;
    // Rekey reads then moves; Save takes the same lock so a save cannot land between the two.
    private readonly Lock _writing = new();

    public LiteDbChatStore(LiteDbStore store)
    {
        _store = store;
        _chats = store.Database.GetCollection(SchemaMigrations.Chats);
    }

    public Chat? Get(ChatKey key)
    {
        var doc = _chats.FindById(key.ToString());
        return doc is null ? null : ChatFields.FromDocument(doc);
    }

    public void Save(Chat chat)
    {
        var doc = ChatFields.ToDocument(chat);
        lock (_writing) _chats.Upsert(doc);
    }

    public bool Rekey(ChatKey from, ChatKey to)
    {
        lock (_writing)
        {
            var chat = Get(from);
            if (chat is null) return false;
            if (from == to) return true;

            _store.InTransaction(() =>
            {
                _chats.Upsert(ChatFields.ToDocument(chat with { Key = to }));
                return _chats.Delete(from.ToString());
            });
            return true;
        }
    }

    public IEnumerable<Chat> Active(string channel, string? afterId = null) => InState(channel, SubscriptionState.Active, afterId);

    /// <summary>The chats of one channel in one state, streamed in ordinal id order, starting after <paramref name="afterId"/>.</summary>
    public IEnumerable<Chat> InState(string channel, SubscriptionState state, string? afterId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return Stream(channel, state, afterId);
    }

    private IEnumerable<Chat> Stream(string channel, SubscriptionState state, string? afterId)
    {
        var prefix = ChatFields.SlotPrefix(channel, state);
        var after = prefix + (afterId ?? "");
        var end = prefix + AfterEveryId;

        // Keyset paging over the slot index, a batch per short read: memory stays at one batch whatever the
        // audience, and no read is held open between items (the caller may save chats or await meanwhile).
        while (true)
        {
            var batch = SlotRange(_chats, after, end).Limit(StreamBatch + 1).ToList();

            var yielded = 0;
            foreach (var doc in batch)
            {
                var slot = doc[ChatFields.Slot].AsString;
                if (string.CompareOrdinal(slot, after) <= 0) continue;
                yield return ChatFields.FromDocument(doc);
                after = slot;
                yielded++;
            }

            if (batch.Count <= StreamBatch || yielded == 0) yield break;
        }
    }

    public IReadOnlyList<ChatCount> CountByState() =>
        [.. CountsByGroup(_chats)
            .ToEnumerable()
            .Select(doc => ChatFields.ParseGroup(doc["group"].AsString, doc["count"].AsInt32))
            .OrderBy(c => c.Channel, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.State)];

    /// <summary>Chats whose slot is between two keys (inclusive), in slot order, walked on the slot index.</summary>
    internal static ILiteQueryable<BsonDocument> SlotRange(ILiteCollection<BsonDocument> chats, string from, string to) =>
        chats.Query()
            .Where("$." + ChatFields.Slot + " BETWEEN @0 AND @1", from, to)
            .OrderBy("$." + ChatFields.Slot);

    /// <summary>How many chats per channel, kind and state, grouped on the group index.</summary>
    internal static ILiteQueryableResult<BsonDocument> CountsByGroup(ILiteCollection<BsonDocument> chats) =>
        chats.Query()
            .GroupBy("$." + ChatFields.Group)
            .Select("{group: @key, count: COUNT(*)}");
}
