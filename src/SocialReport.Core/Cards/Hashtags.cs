using System.Text;

namespace SocialReport.Core.Cards;

/// <summary>Topics written as hashtags: "#whatsapp", "#mark_zuckerberg".</summary>
public static class Hashtags
{
    /// <summary>The hashtag for a topic, or null when nothing of it can be a hashtag (Telegram takes letters, digits and _).</summary>
    public static string? For(string topic)
    {
        var tag = new StringBuilder("#");
        foreach (var c in topic.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '_')
                tag.Append(c);
            else if (tag[^1] != '_' && tag.Length > 1)
                tag.Append('_');
        }
        var text = tag.ToString().TrimEnd('_');
        return text.Length > 1 ? text : null;
    }

    /// <summary>"#whatsapp #facebook", or null when no topic makes a hashtag.</summary>
    public static string? Line(IEnumerable<string> topics)
    {
        var tags = topics.Select(For).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return tags.Count == 0 ? null : string.Join(' ', tags);
    }
}
