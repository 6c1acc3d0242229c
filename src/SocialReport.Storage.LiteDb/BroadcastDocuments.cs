namespace SocialReport.Storage.LiteDb;

/// <summary>A <see cref="BroadcastRecord"/> as a LiteDB document; times are UTC ticks.</summary>
internal static class BroadcastDocuments
{
    public const string Collection = "delivery_broadcasts";
    public const string Edition = "edition";
    public const string State = "state";
    public const string Created = "created";
    /// <summary>The channels its rows belong to, to count them per channel.</summary>
    public const string Channels = "channels";

    public static BsonDocument Write(BroadcastRecord broadcast, IEnumerable<string> channels) => new()
    {
        ["_id"] = broadcast.Id,
        [Edition] = broadcast.EditionId,
        ["force"] = broadcast.Force,
        ["mode"] = broadcast.Mode.ToString(),
        ["requestedBy"] = broadcast.RequestedBy,
        [Created] = broadcast.CreatedAt.UtcTicks,
        [State] = broadcast.State.ToString(),
        ["started"] = Ticks(broadcast.StartedAt),
        ["finished"] = Ticks(broadcast.FinishedAt),
        ["schedule"] = broadcast.ScheduleId is null ? BsonValue.Null : broadcast.ScheduleId,
        ["throttled"] = broadcast.Throttled,
        ["final"] = broadcast.Final is { } counts ? Write(counts) : BsonValue.Null,
        [Channels] = new BsonArray(channels.Order(StringComparer.Ordinal).Select(channel => new BsonValue(channel))),
        ["canary"] = broadcast.CanaryPercent is { } percent ? percent : BsonValue.Null,
        ["canaryConfirmed"] = broadcast.CanaryConfirmed,
        ["recall"] = broadcast.Recall.ToString(),
    };

    public static IReadOnlyList<string> ReadChannels(BsonDocument document) =>
        document[Channels].IsArray ? [.. document[Channels].AsArray.Select(channel => channel.AsString)] : [];

    public static BroadcastRecord Read(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        EditionId = document[Edition].AsString,
        Force = document["force"].AsBoolean,
        Mode = Enum.Parse<DeliveryMode>(document["mode"].AsString),
        RequestedBy = document["requestedBy"].AsString,
        CreatedAt = RowDocuments.Instant(document[Created]),
        State = Enum.Parse<BroadcastState>(document[State].AsString),
        StartedAt = document["started"].IsNull ? null : RowDocuments.Instant(document["started"]),
        FinishedAt = document["finished"].IsNull ? null : RowDocuments.Instant(document["finished"]),
        ScheduleId = document["schedule"].IsNull ? null : document["schedule"].AsString,
        Throttled = document["throttled"].AsInt32,
        Final = document["final"].IsDocument ? ReadCounts(document["final"].AsDocument) : null,
        // Broadcasts written before canaries and recalls have none of these fields.
        CanaryPercent = document["canary"].IsInt32 ? document["canary"].AsInt32 : null,
        CanaryConfirmed = document["canaryConfirmed"].IsBoolean && document["canaryConfirmed"].AsBoolean,
        Recall = document["recall"].IsString ? Enum.Parse<BroadcastRecall>(document["recall"].AsString) : BroadcastRecall.None,
    };

    private static BsonValue Ticks(DateTimeOffset? instant) => instant is { } value ? value.UtcTicks : BsonValue.Null;

    private static BsonDocument Write(DeliveryCounts counts) => new()
    {
        ["pending"] = counts.Pending,
        ["sent"] = counts.Sent,
        ["failed"] = counts.Failed,
        ["blocked"] = counts.Blocked,
        ["gone"] = counts.Gone,
        ["skipped"] = counts.Skipped,
    };

    private static DeliveryCounts ReadCounts(BsonDocument document) => new(
        document["pending"].AsInt32, document["sent"].AsInt32, document["failed"].AsInt32,
        document["blocked"].AsInt32, document["gone"].AsInt32, document["skipped"].AsInt32);
}
