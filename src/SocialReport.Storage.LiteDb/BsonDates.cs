namespace SocialReport.Storage.LiteDb;

/// <summary>BSON keeps a UTC instant in milliseconds: an offset is not kept, the instant is.</summary>
internal static class BsonDates
{
    public static BsonValue ToBson(DateTimeOffset value) =>
        new(new DateTime(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));

    public static BsonValue ToBson(DateTimeOffset? value) => value is { } v ? ToBson(v) : BsonValue.Null;

    public static DateTimeOffset FromBson(BsonValue value)
    {
        var date = value.AsDateTime;
        // The file asks for UTC dates; a date read as local (older file, pragma off) is the same instant.
        return new DateTimeOffset(date.Kind == DateTimeKind.Utc ? date : date.ToUniversalTime(), TimeSpan.Zero);
    }

    public static DateTimeOffset? FromBsonOrNull(BsonValue value) => value.IsNull ? null : FromBson(value);
}
