namespace SocialReport.Storage.LiteDb;

/// <summary>A chat's data across the collections of the store's file, found by its id (rows have no index on it: a scan, for a rare request).</summary>
public sealed class LiteDbReaderData(LiteDbStore store) : IReaderData
{
    private readonly ILiteCollection<BsonDocument> _chats = store.Database.GetCollection(SchemaMigrations.Chats);
    private readonly ILiteCollection<BsonDocument> _rows = store.Database.GetCollection(RowDocuments.Collection);
    private readonly ILiteCollection<BsonDocument> _requests = store.Database.GetCollection(LiteDbBroadcastRequestStore.Collection);
    private readonly ILiteCollection<BsonDocument> _broadcasts = store.Database.GetCollection(BroadcastDocuments.Collection);
    private readonly ILiteCollection<BsonDocument> _schedules = store.Database.GetCollection(ScheduleDocuments.Collection);

    private const string RequestedBy = "requestedBy";

    public int Deliveries(ChatKey chat) => _rows.Count(RowsOf(chat));

    public bool Erase(ChatKey chat) => store.InTransaction(() =>
    {
        var erased = _chats.Delete(chat.ToString());
        erased |= _requests.Delete(chat.ToString());
        foreach (var document in _rows.Find(RowsOf(chat)).ToList())
        {
            _rows.Delete(document["_id"]);
            _rows.Insert(RowDocuments.Write(DeliveryRules.Anonymous(RowDocuments.Read(document))));
            erased = true;
        }
        foreach (var collection in (ReadOnlySpan<ILiteCollection<BsonDocument>>)[_broadcasts, _schedules])
        {
            foreach (var document in collection.Find(Query.EQ(RequestedBy, chat.ToString())).ToList())
            {
                document[RequestedBy] = DeliveryRules.Erased;
                collection.Update(document);
                erased = true;
            }
        }
        return erased;
    });

    private static BsonExpression RowsOf(ChatKey chat) => Query.And(Query.EQ("channel", chat.Channel), Query.EQ("chat", chat.Id));
}
