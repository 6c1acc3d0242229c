namespace SocialReport.Storage.LiteDb;

/// <summary>Everything a LiteDB file keeps, streamed as the core's records, for <c>migrate-storage</c>.</summary>
public sealed class LiteDbExport(LiteDbStore store)
{
    private ILiteCollection<BsonDocument> Collection(string name) => store.Database.GetCollection(name);

    /// <summary>Every revision of every edition, by edition then revision.</summary>
    public IEnumerable<RevisionContent> Revisions() =>
        Collection(SchemaMigrations.Revisions).FindAll()
            .Select(doc => new RevisionContent(
                doc[RevisionFields.EditionId].AsString, doc[RevisionFields.Revision].AsInt32, doc[RevisionFields.Hash].AsString,
                BsonDates.FromBson(doc[RevisionFields.PublishedAt]), doc[RevisionFields.Content].AsString))
            .OrderBy(r => r.EditionId, StringComparer.Ordinal)
            .ThenBy(r => r.Revision);

    public IEnumerable<Chat> Chats() => Collection(SchemaMigrations.Chats).FindAll().Select(ChatFields.FromDocument);

    /// <summary>Pending and remembered updates, in arrival order.</summary>
    public IEnumerable<InboxRecord> Inbox() =>
        Collection(LiteDbUpdateInbox.Collection).Query().OrderBy("$.seq").ToEnumerable().Select(doc =>
        {
            var key = doc["_id"].AsString;
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            return new InboxRecord(key[..colon], key[(colon + 1)..], doc["pending"].IsNull ? null : doc["body"].AsString, doc["replays"].AsInt32);
        });

    public IEnumerable<(ChatKey Chat, BroadcastRequest Request)> Requests() =>
        Collection(LiteDbBroadcastRequestStore.Collection).FindAll().Select(doc => (
            ChatKey.Parse(doc["_id"].AsString),
            new BroadcastRequest(doc["edition"].AsString, doc["force"].AsBoolean, RowDocuments.Instant(doc["expires"]))));

    public IEnumerable<BroadcastRecord> Broadcasts() => Collection(BroadcastDocuments.Collection).FindAll().Select(BroadcastDocuments.Read);

    public IEnumerable<DeliveryRow> Rows() => Collection(RowDocuments.Collection).FindAll().Select(RowDocuments.Read);

    public IEnumerable<ScheduledBroadcast> Schedules() => Collection(ScheduleDocuments.Collection).FindAll().Select(ScheduleDocuments.Read);
}
