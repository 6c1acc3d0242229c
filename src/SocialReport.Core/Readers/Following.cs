using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Core.Search;

namespace SocialReport.Core.Readers;

public enum FollowResult { Followed, AlreadyFollowed, NoWords, TooLong, TooMany }

/// <summary>
/// The topics a chat follows and its mode (<c>/follow</c>, <c>/unfollow</c>, <c>/mode</c>), and what an edition holds
/// for it. A topic matches a story exactly as <c>/topic</c> finds it: the search index is the one matcher.
/// </summary>
public sealed class Following(IChatStore chats, IStoryIndex index, TimeProvider time)
{
    public const int MaxTopics = 20;
    public const int MaxTopicLength = 60;

    // Per edition object, the stories of each topic: a broadcast asks once per topic, not once per reader.
    private readonly ConditionalWeakTable<Edition, ConcurrentDictionary<string, IReadOnlyList<int>>> _matches = [];

    public FollowResult Follow(ChatKey key, ChatKind kind, string language, string? title, string topic)
    {
        if (topic.Length > 4 * MaxTopicLength) return FollowResult.TooLong;
        var text = Clean(topic);
        if (text.Length > MaxTopicLength) return FollowResult.TooLong;
        var wanted = index.TopicKey(text);
        if (wanted.Length == 0) return FollowResult.NoWords;
        var chat = chats.Get(key) ?? new Chat { Key = key, Kind = kind, Title = title, Language = language, UpdatedAt = time.GetUtcNow() };
        if (chat.Topics.Any(followed => index.TopicKey(followed) == wanted)) return FollowResult.AlreadyFollowed;
        if (chat.Topics.Count >= MaxTopics) return FollowResult.TooMany;
        chats.Save(chat with { Topics = [.. chat.Topics, text], UpdatedAt = time.GetUtcNow() });
        return FollowResult.Followed;
    }

    /// <summary>Stops following a topic, however it is spelt; the topic as it was followed, or null when it was not.</summary>
    public string? Unfollow(ChatKey key, string topic)
    {
        var chat = chats.Get(key);
        if (topic.Length > 4 * MaxTopicLength) return null;
        var text = Clean(topic);
        if (chat is null || text.Length == 0 || text.Length > MaxTopicLength) return null;
        var wanted = index.TopicKey(text);
        var followed = chat.Topics.FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase))
            ?? (wanted.Length == 0 ? null : chat.Topics.FirstOrDefault(t => index.TopicKey(t) == wanted));
        if (followed is null) return null;
        chats.Save(chat with { Topics = [.. chat.Topics.Where(t => t != followed)], UpdatedAt = time.GetUtcNow() });
        return followed;
    }

    public void SetMode(ChatKey key, ChatKind kind, string language, string? title, TopicMode mode)
    {
        var chat = chats.Get(key) ?? new Chat { Key = key, Kind = kind, Title = title, Language = language, UpdatedAt = time.GetUtcNow() };
        chats.Save(chat with { Mode = mode, UpdatedAt = time.GetUtcNow() });
    }

    /// <summary>Whether <c>/topic</c> finds any story about it in the archive.</summary>
    public bool AnyStory(string topic) => index.Topic(topic, 0, 0).Total > 0;

    /// <summary>What the chat gets of the edition: its followed stories, and whether only those.</summary>
    public EditionCut Cut(Chat chat, Edition edition)
    {
        var only = chat.Mode == TopicMode.Topics;
        if (chat.Topics.Count == 0) return only ? new EditionCut(edition, [], FollowedOnly: true) : EditionCut.Whole(edition);
        var byTopic = _matches.GetValue(edition, _ => new ConcurrentDictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal));
        var followed = chat.Topics
            .SelectMany(topic => byTopic.GetOrAdd(topic.ToLowerInvariant(), words => index.TopicIn(edition, words)))
            .Distinct()
            .Order()
            .ToList();
        return new EditionCut(edition, followed, only);
    }

    /// <summary>A topic as it is kept: one line, single spaces, no leading '#' (a story's hashtag reads "#whatsapp").</summary>
    public static string Clean(string topic) =>
        string.Join(' ', topic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimStart('#').Trim();
}
