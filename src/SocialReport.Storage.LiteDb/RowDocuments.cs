namespace SocialReport.Storage.LiteDb;

/// <summary>A <see cref="DeliveryRow"/> as a LiteDB document, with its index keys; times are UTC ticks.</summary>
internal static class RowDocuments
{
    public const string Collection = "delivery_rows";
    public const string DueKey = "due";
    public const string StateKey = "stateKey";
    /// <summary>The chat's id, indexed: a reader's rows (<c>/mydata</c>, <c>/forget</c>) without reading them all.</summary>
    public const string ChatId = "chat";

    public static BsonDocument Write(DeliveryRow row)
    {
        var pending = row.State == DeliveryState.Pending;
        return new BsonDocument
        {
            ["_id"] = DeliveryKeys.Row(row.BroadcastId, row.Chat),
            ["broadcast"] = row.BroadcastId,
            ["channel"] = row.Chat.Channel,
            [ChatId] = row.Chat.Id,
            ["state"] = row.State.ToString(),
            ["attempts"] = row.Attempts,
            ["error"] = row.LastError is null ? BsonValue.Null : row.LastError,
            ["messageId"] = row.MessageId is null ? BsonValue.Null : row.MessageId,
            ["next"] = row.NextAttemptAt.UtcTicks,
            ["updated"] = row.UpdatedAt.UtcTicks,
            [DueKey] = pending ? DeliveryKeys.Due(row.BroadcastId, row.Chat.Channel, row.NextAttemptAt) : BsonValue.Null,
            [StateKey] = DeliveryKeys.State(row.BroadcastId, row.Chat.Channel, row.State),
            ["messageIds"] = row.MessageIds.Count == 0 ? BsonValue.Null : new BsonArray(row.MessageIds.Select(id => new BsonValue(id))),
            ["recall"] = row.Recall == RecallState.None ? BsonValue.Null : row.Recall.ToString(),
            ["recallError"] = row.RecallError is null ? BsonValue.Null : row.RecallError,
        };
    }

    public static DeliveryRow Read(BsonDocument document) => new()
    {
        BroadcastId = document["broadcast"].AsString,
        Chat = new ChatKey(document["channel"].AsString, document[ChatId].AsString),
        State = Enum.Parse<DeliveryState>(document["state"].AsString),
        Attempts = document["attempts"].AsInt32,
        LastError = document["error"].IsNull ? null : document["error"].AsString,
        MessageId = document["messageId"].IsNull ? null : document["messageId"].AsString,
        NextAttemptAt = Instant(document["next"]),
        UpdatedAt = Instant(document["updated"]),
        // Rows written before recalls have none of these fields: their one message id, if any.
        MessageIds = document["messageIds"].IsArray ? [.. document["messageIds"].AsArray.Select(id => id.AsString)]
            : document["messageId"].IsString ? [document["messageId"].AsString] : [],
        Recall = document["recall"].IsString ? Enum.Parse<RecallState>(document["recall"].AsString) : RecallState.None,
        RecallError = document["recallError"].IsString ? document["recallError"].AsString : null,
    };

    internal static DateTimeOffset Instant(BsonValue ticks) => new(ticks.AsInt64, TimeSpan.Zero);
}
