namespace SocialReport.Storage.PostgreSql;

/// <summary>Story taps and opens in <c>story_counts</c>, one row per broadcast and story, added to in one statement whichever host counts.</summary>
public sealed class PostgreSqlStoryCounts(PostgreSqlStore store) : IStoryCounts
{
    public void Add(string broadcastId, int story, StoryAction action) =>
        store.Command("""
            INSERT INTO story_counts (broadcast_id, story, taps, opens) VALUES (@broadcast, @story, @taps, @opens)
            ON CONFLICT (broadcast_id, story) DO UPDATE SET taps = story_counts.taps + excluded.taps, opens = story_counts.opens + excluded.opens
            """)
            .With("broadcast", broadcastId).With("story", story)
            .With("taps", action == StoryAction.Tap ? 1 : 0).With("opens", action == StoryAction.Open ? 1 : 0).Execute();

    public IReadOnlyList<StoryCount> Of(string broadcastId) =>
        store.Command("SELECT broadcast_id, story, taps, opens FROM story_counts WHERE broadcast_id = @broadcast ORDER BY story")
            .With("broadcast", broadcastId).Read(reader => new StoryCount(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
}
