using LiteDB;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>The queries that must scale (an audience of 100 000, a long archive) walk an index and never sort in memory.</summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LiteDbStore _store;

    public QueryPlanTests() => _store = new LiteDbStore(_dir.DatabaseFile);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private ILiteCollection<BsonDocument> Chats => _store.Database.GetCollection(SchemaMigrations.Chats);
    private ILiteCollection<BsonDocument> Editions => _store.Database.GetCollection(SchemaMigrations.Editions);

    private static void AssertIndexed(BsonDocument plan, string index, string mode)
    {
        Assert.Equal(index, plan["index"]["name"].AsString);
        Assert.StartsWith(mode, plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey("orderBy"), plan.ToString());
    }

    [Fact]
    public void Streaming_a_channels_audience_seeks_a_range_of_the_slot_index() =>
        AssertIndexed(LiteDbChatStore.SlotRange(Chats, "telegram\u0001Active\u0001", "telegram\u0001Active\u0001\uffff").Limit(501).GetPlan(), "slot", "INDEX RANGE SCAN");

    [Fact]
    public void Counting_by_state_reads_the_group_index_alone_without_loading_a_chat()
    {
        var plan = LiteDbChatStore.GroupKeys(Chats).GetPlan();
        AssertIndexed(plan, "group", "INDEX SCAN");
        Assert.Equal("index", plan["lookup"]["loader"].AsString);
    }

    [Fact]
    public void Listing_the_archive_walks_the_date_index_backwards()
    {
        var plan = LiteDbEditionArchive.NewestFirst(Editions).Skip(10).Limit(10).GetPlan();
        AssertIndexed(plan, "sortKey", "FULL INDEX SCAN");
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
    }

    [Fact]
    public void Streaming_the_archive_seeks_on_the_date_index() =>
        AssertIndexed(LiteDbEditionArchive.NewestFirst(Editions, "2020-03-06 2020-03-06").Limit(32).GetPlan(), "sortKey", "INDEX SCAN");
}
