namespace SocialReport.Core.Editions.Markdown;

/// <summary>"Tags: whatsapp, facebook" on the first line of a story's first paragraph: the editor's topics.</summary>
internal static class TagsLine
{
    private static readonly string[] Prefixes = ["tags", "tag", "topics", "sujets", "thèmes", "themes", "mots-clés", "mots-cles"];

    /// <param name="rest">The paragraph's other lines, which are story text.</param>
    public static bool TryRead(string paragraph, out IReadOnlyList<string> tags, out string rest)
    {
        var lines = paragraph.Split('\n', 2);
        var colon = lines[0].IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? lines[0][..colon].Trim().ToLowerInvariant() : "";
        if (!Prefixes.Contains(prefix))
        {
            tags = [];
            rest = paragraph;
            return false;
        }
        tags = TopicExtractor.NormalizeTags(lines[0][(colon + 1)..].Split(',', ';'));
        rest = lines.Length > 1 ? lines[1] : "";
        return true;
    }
}
