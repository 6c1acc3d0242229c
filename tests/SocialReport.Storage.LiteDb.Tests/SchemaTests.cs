using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace SocialReport.Storage.LiteDb.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_file_is_created_with_its_directory_at_the_current_version()
    {
        var path = Path.Combine(_dir.Path, "nested", "data", "socialreport.db");

        using (var store = new LiteDbStore(path))
        {
            Assert.Equal(SchemaMigrations.CurrentVersion, store.SchemaVersion);
            Assert.Equal(1, store.Database.UserVersion);
            Assert.Equal(CompareOptions.Ordinal, store.Database.Collation.SortOptions);
            var indexes = store.Database.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();
            Assert.Contains("editions.sortKey", indexes);
            Assert.Contains("chats.slot", indexes);
            Assert.Contains("chats.group", indexes);
        }

        Assert.True(File.Exists(path));
        using var reopened = new LiteDbStore(path);
        Assert.Equal(1, reopened.Database.UserVersion);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*-backup*"));
    }

    [Fact]
    public void A_file_without_a_schema_version_is_upgraded_and_its_data_kept()
    {
        var edition = TestEditions.Weekly(new DateOnly(2020, 3, 6));
        var json = EditionContent.Serialize(edition);
        var publishedAt = new DateTime(2020, 3, 6, 8, 0, 0, DateTimeKind.Utc);

        // As a build before schema versions wrote it: LiteDB's default collation, no version, no derived fields.
        using (var old = new LiteDatabase(_dir.DatabaseFile))
        {
            Assert.Equal(0, old.UserVersion);
            old.GetCollection("editions").Insert(new BsonDocument
            {
                ["_id"] = "2020-03-06", ["date"] = "2020-03-06", ["title"] = edition.Title, ["language"] = "fr",
                ["stories"] = 2, ["revision"] = 1, ["hash"] = EditionContent.Hash(json), ["publishedAt"] = publishedAt,
            });
            old.GetCollection("revisions").Insert(new BsonDocument
            {
                ["_id"] = "2020-03-06#1", ["editionId"] = "2020-03-06", ["revision"] = 1,
                ["hash"] = EditionContent.Hash(json), ["publishedAt"] = publishedAt, ["content"] = json,
            });
            old.GetCollection("chats").Insert(new BsonDocument
            {
                ["_id"] = "telegram:42", ["channel"] = "telegram", ["chatId"] = "42", ["kind"] = "Private",
                ["title"] = BsonValue.Null, ["language"] = "fr", ["state"] = "Active", ["subscribedAt"] = publishedAt,
                ["subscribedVia"] = "/start", ["updatedAt"] = publishedAt, ["address"] = BsonValue.Null,
            });
            Assert.NotEqual(CompareOptions.Ordinal, old.Collation.SortOptions);
        }

        using var store = new LiteDbStore(_dir.DatabaseFile);

        Assert.Equal(1, store.SchemaVersion);
        Assert.Equal(1, store.Database.UserVersion);
        Assert.Equal(CompareOptions.Ordinal, store.Database.Collation.SortOptions);
        Assert.True(store.Database.UtcDate);
        Assert.NotEmpty(Directory.GetFiles(_dir.Path, "socialreport-backup*"));

        var archive = new LiteDbEditionArchive(store, new FakeTimeProvider());
        TestEditions.AssertSame(edition, archive.Latest());
        Assert.Equal(new DateTimeOffset(publishedAt), Assert.Single(archive.List(0, 10)).PublishedAt);
        Assert.Equal(Core.Archive.PublishOutcome.Unchanged, archive.Publish(edition).Outcome);

        var chats = new LiteDbChatStore(store);
        var chat = Assert.Single(chats.Active("telegram"));
        Assert.Equal((new ChatKey("telegram", "42"), "/start"), (chat.Key, chat.SubscribedVia));
        Assert.Equal([new ChatCount("telegram", ChatKind.Private, SubscriptionState.Active, 1)], chats.CountByState());
    }

    [Fact]
    public void A_file_from_a_newer_build_is_refused_and_left_as_it_is()
    {
        using (var newer = new LiteDatabase(_dir.DatabaseFile)) newer.UserVersion = SchemaMigrations.CurrentVersion + 1;

        var error = Assert.Throws<InvalidOperationException>(() => new LiteDbStore(_dir.DatabaseFile));

        Assert.Contains("newer build", error.Message, StringComparison.Ordinal);
        using var check = new LiteDatabase(_dir.DatabaseFile);
        Assert.Equal(SchemaMigrations.CurrentVersion + 1, check.UserVersion);
    }
}
