using System.Globalization;
using LiteDB.Engine;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// The schema version lives in the file's user version. Version 0 is any file without it: brand new, or written
/// before versions existed (LiteDB's default collation, no derived index fields). Migrations run in order at open,
/// each idempotent so one interrupted by a crash simply runs again.
/// </summary>
public static class SchemaMigrations
{
    public const int CurrentVersion = 1;

    internal const string Editions = "editions";
    internal const string Revisions = "revisions";
    internal const string Chats = "chats";

    private static readonly (int Version, Action<LiteDatabase> Apply)[] Steps =
    [
        (1, ToVersion1),
    ];

    internal static int Upgrade(LiteDatabase db)
    {
        var version = db.UserVersion;
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The storage file has schema version {version.ToString(CultureInfo.InvariantCulture)}, written by a newer build; this build reads up to {CurrentVersion.ToString(CultureInfo.InvariantCulture)}.");
        }

        foreach (var (target, apply) in Steps)
        {
            if (target <= version) continue;
            apply(db);
            db.UserVersion = target;
            version = target;
        }
        return version;
    }

    private static void ToVersion1(LiteDatabase db)
    {
        if (db.Collation.SortOptions != Collation.Binary.SortOptions)
        {
            // Keeps the original beside the file as "<name>-backup.db".
            db.Rebuild(new RebuildOptions { Collation = Collation.Binary });
        }

        var editions = db.GetCollection(Editions);
        AddMissing(db, editions, EditionFields.SortKey,
            doc => doc[EditionFields.SortKey] = EditionFields.SortKeyOf(doc[EditionFields.Date].AsString, doc["_id"].AsString));
        editions.EnsureIndex(EditionFields.SortKey, "$." + EditionFields.SortKey);

        db.GetCollection(Revisions).EnsureIndex(RevisionFields.EditionId, "$." + RevisionFields.EditionId);

        var chats = db.GetCollection(Chats);
        AddMissing(db, chats, ChatFields.Slot, ChatFields.SetDerived);
        chats.EnsureIndex(ChatFields.Slot, "$." + ChatFields.Slot);
        chats.EnsureIndex(ChatFields.Group, "$." + ChatFields.Group);
    }

    /// <summary>Fills a field older files lack, in one transaction; holds only the ids in memory, not the documents.</summary>
    private static void AddMissing(LiteDatabase db, ILiteCollection<BsonDocument> collection, string field, Action<BsonDocument> fill)
    {
        var ids = collection.FindAll().Where(doc => !doc.ContainsKey(field)).Select(doc => doc["_id"]).ToList();
        if (ids.Count == 0) return;

        LiteDbStore.InTransaction(db, () =>
        {
            foreach (var id in ids)
            {
                var doc = collection.FindById(id);
                fill(doc);
                collection.Update(doc);
            }
            return ids.Count;
        });
    }
}
