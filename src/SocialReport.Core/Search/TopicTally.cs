using System.Globalization;
using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Search;

/// <summary>The topics of one indexed edition's stories, kept to count the frequent topics of recent editions.</summary>
internal sealed record EditionTopics(string Id, DateOnly Date, IReadOnlyList<IReadOnlyList<string>> Stories)
{
    public static EditionTopics From(Edition edition) =>
        new(edition.Id, edition.Date, edition.Stories.Select(s => (IReadOnlyList<string>)[.. s.Topics]).ToList());
}

internal static class TopicTally
{
    /// <summary>
    /// Counts stories per topic over the newest editions. Spellings that differ only by case, accents or spacing
    /// ("Réseaux sociaux", "reseaux  sociaux") are one topic, shown as the newest edition spells it.
    /// </summary>
    public static IReadOnlyList<TopicCount> MostFrequent(IEnumerable<EditionTopics> editions, int recentEditions, int take)
    {
        var counts = new Dictionary<string, (string Topic, int Stories)>(StringComparer.Ordinal);
        var newest = editions
            .OrderByDescending(e => e.Date)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(recentEditions);
        foreach (var story in newest.SelectMany(e => e.Stories))
        {
            foreach (var topic in story.Where(t => !string.IsNullOrWhiteSpace(t)).DistinctBy(Key))
            {
                var key = Key(topic);
                counts[key] = counts.TryGetValue(key, out var count) ? (count.Topic, count.Stories + 1) : (topic.Trim(), 1);
            }
        }
        return counts.Values
            .OrderByDescending(c => c.Stories)
            .ThenBy(c => c.Topic, StringComparer.OrdinalIgnoreCase)
            .Take(take)
            .Select(c => new TopicCount(c.Topic, c.Stories))
            .ToList();
    }

    private static string Key(string topic)
    {
        var key = new StringBuilder(topic.Length);
        foreach (var c in topic.Normalize(NormalizationForm.FormD))
        {
            if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                    key.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }
        return key.ToString().TrimEnd();
    }
}
