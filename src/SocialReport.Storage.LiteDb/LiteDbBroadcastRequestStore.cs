namespace SocialReport.Storage.LiteDb;

/// <summary>Broadcast requests waiting for /confirm in the collection <c>broadcast_requests</c>, keyed by chat; times are UTC ticks.</summary>
public sealed class LiteDbBroadcastRequestStore(LiteDbStore store) : IBroadcastRequestStore
{
    internal const string Collection = "broadcast_requests";
    private readonly ILiteCollection<BsonDocument> _requests = store.Database.GetCollection(Collection);

    public void Save(ChatKey chat, BroadcastRequest request) => _requests.Upsert(new BsonDocument
    {
        ["_id"] = chat.ToString(),
        ["edition"] = request.EditionId,
        ["force"] = request.Force,
        ["expires"] = request.ExpiresAt.UtcTicks,
        ["canary"] = request.CanaryPercent is { } percent ? percent : BsonValue.Null,
    });

    public BroadcastRequest? Get(ChatKey chat) => _requests.FindById(chat.ToString()) is { } doc ? Read(doc) : null;

    public BroadcastRequest? Take(ChatKey chat) => store.InTransaction(() =>
    {
        var request = Get(chat);
        if (request is not null) _requests.Delete(chat.ToString());
        return request;
    });

    private static BroadcastRequest Read(BsonDocument doc) =>
        new(doc["edition"].AsString, doc["force"].AsBoolean, RowDocuments.Instant(doc["expires"])) { CanaryPercent = doc["canary"].IsInt32 ? doc["canary"].AsInt32 : null };
}
