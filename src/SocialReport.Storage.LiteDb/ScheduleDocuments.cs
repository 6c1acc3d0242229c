namespace SocialReport.Storage.LiteDb;

/// <summary>A <see cref="ScheduledBroadcast"/> as a LiteDB document; times are UTC ticks.</summary>
internal static class ScheduleDocuments
{
    public const string Collection = "delivery_schedules";
    public const string State = "state";

    public static BsonDocument Write(ScheduledBroadcast schedule) => new()
    {
        ["_id"] = schedule.Id,
        ["edition"] = schedule.EditionId,
        ["due"] = schedule.DueAt.UtcTicks,
        ["requestedBy"] = schedule.RequestedBy,
        ["force"] = schedule.Force,
        [State] = schedule.State.ToString(),
        ["created"] = schedule.CreatedAt.UtcTicks,
        ["broadcast"] = schedule.BroadcastId is null ? BsonValue.Null : schedule.BroadcastId,
        ["reason"] = schedule.Reason is null ? BsonValue.Null : schedule.Reason,
    };

    public static ScheduledBroadcast Read(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        EditionId = document["edition"].AsString,
        DueAt = RowDocuments.Instant(document["due"]),
        RequestedBy = document["requestedBy"].AsString,
        Force = document["force"].AsBoolean,
        State = Enum.Parse<ScheduleState>(document[State].AsString),
        CreatedAt = RowDocuments.Instant(document["created"]),
        BroadcastId = document["broadcast"].IsNull ? null : document["broadcast"].AsString,
        Reason = document["reason"].IsNull ? null : document["reason"].AsString,
    };
}
