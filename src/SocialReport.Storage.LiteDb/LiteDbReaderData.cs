namespace SocialReport.Storage.LiteDb;

/// <summary>A chat's data across the collections of the store's file, found by its id.</summary>
public sealed class LiteDbReaderData(LiteDbStore store) : IReaderData
{
    private readonly ILiteCollection<BsonDocument> _chats = store.Database.GetCollection(SchemaMigrations.Chats);
    private readonly ILiteCollection<BsonDocument> _rows = store.Database.GetCollection(RowDocuments.Collection);
    private readonly ILiteCollection<BsonDocument> _requests = store.Database.GetCollection(LiteDbBroadcastRequestStore.Collection);
    private readonly ILiteCollection<BsonDocument> _broadcasts = store.Database.GetCollection(BroadcastDocuments.Collection);
    private readonly ILiteCollection<BsonDocument> _schedules = store.Database.GetCollection(ScheduleDocuments.Collection);

    private const string RequestedBy = "requestedBy";

    public int Deliveries(ChatKey chat) => RowsOf(chat).Count();

    public bool Erase(ChatKey chat) => store.InTransaction(() =>
    {
        var erased = _chats.Delete(chat.ToString());
        erased |= _requests.Delete(chat.ToString());
        foreach (var document in RowsOf(chat).ToList())
        {
            _rows.Delete(document["_id"]);
            _rows.Insert(RowDocuments.Write(DeliveryRules.Anonymous(RowDocuments.Read(document))));
            erased = true;
        }
        foreach (var collection in (ReadOnlySpan<ILiteCollection<BsonDocument>>)[_broadcasts, _schedules])
        {
            foreach (var document in collection.Find(Queries.Equal(RequestedBy, chat.ToString())).ToList())
            {
                document[RequestedBy] = DeliveryRules.Erased;
                collection.Update(document);
                erased = true;
            }
        }
        return erased;
    });

    // Found on the chat id's index; the channel is checked on the few documents it finds.
    private IEnumerable<BsonDocument> RowsOf(ChatKey chat) =>
        _rows.Find(Queries.Equal(RowDocuments.ChatId, chat.Id)).Where(document => document["channel"].AsString == chat.Channel);
}
