namespace SocialReport.Storage.LiteDb;

/// <summary>Story taps and opens in the collection <c>story_counts</c>, one document per broadcast and story.</summary>
public sealed class LiteDbStoryCounts : IStoryCounts
{
    internal const string Collection = "story_counts";
    private readonly ILiteCollection<BsonDocument> _counts;
    private readonly Lock _gate = new();

    public LiteDbStoryCounts(LiteDbStore store)
    {
        _counts = store.Database.GetCollection(Collection);
        _counts.EnsureIndex("broadcast", "$.broadcast");
    }

    public void Add(string broadcastId, int story, StoryAction action)
    {
        var id = $"{broadcastId}\n{story.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var field = action == StoryAction.Tap ? "taps" : "opens";
        lock (_gate)
        {
            var document = _counts.FindById(id) ?? new BsonDocument { ["_id"] = id, ["broadcast"] = broadcastId, ["story"] = story, ["taps"] = 0, ["opens"] = 0 };
            document[field] = document[field].AsInt32 + 1;
            _counts.Upsert(document);
        }
    }

    public IReadOnlyList<StoryCount> Of(string broadcastId) =>
        [.. _counts.Find(Queries.Equal("broadcast", broadcastId))
            .Select(document => new StoryCount(document["broadcast"].AsString, document["story"].AsInt32, document["taps"].AsInt32, document["opens"].AsInt32))
            .OrderBy(count => count.Story)];
}
