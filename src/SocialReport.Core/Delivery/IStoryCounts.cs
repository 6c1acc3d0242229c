namespace SocialReport.Core.Delivery;

/// <summary>What a reader did with a story a broadcast sent: tapped its button (<c>/read</c>), or opened it whole (<c>/full</c>).</summary>
public enum StoryAction { Tap, Open }

/// <summary>The taps and opens of one story of one broadcast.</summary>
public sealed record StoryCount(string BroadcastId, int Story, int Taps, int Opens);

/// <summary>Counts only, per broadcast and story: who tapped is not kept.</summary>
public interface IStoryCounts
{
    void Add(string broadcastId, int story, StoryAction action);

    /// <summary>The stories of a broadcast that were tapped or opened, by story number.</summary>
    IReadOnlyList<StoryCount> Of(string broadcastId);
}
