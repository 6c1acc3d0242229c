using System.Globalization;

namespace SocialReport.Core.Cards;

/// <summary>Every word of interface text cards and renderers show, in French and English (the fallback).</summary>
public static class Labels
{
    public static bool IsFrench(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Sources : " with the French no-break space before the colon, "Sources: " in English.</summary>
    public static string SourcesPrefix(string language) => IsFrench(language) ? "Sources\u00A0: " : "Sources: ";

    public static string Contents(string language) => IsFrench(language) ? "Sommaire" : "Contents";

    public static string FullStory(string language) => IsFrench(language) ? "Article complet" : "Full story";

    public static string ReadOnline(string language) => IsFrench(language) ? "Lire l’édition en ligne" : "Read online";

    public static string Previous(int number) => $"◀ {Number(number)}";

    public static string Next(int number) => $"{Number(number)} ▶";

    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Partie 1/3" or "Part 1/3".</summary>
    public static string Part(int part, int parts, string language) =>
        $"{(IsFrench(language) ? "Partie" : "Part")} {Number(part)}/{Number(parts)}";

    /// <summary>"Par X, Y et Z" or "By X, Y and Z"; null when there is nobody to name.</summary>
    public static string? By(IReadOnlyList<string> names, string language)
    {
        var named = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        if (named.Count == 0)
            return null;
        var (by, and) = IsFrench(language) ? ("Par", "et") : ("By", "and");
        var list = named.Count == 1
            ? named[0]
            : $"{string.Join(", ", named.Take(named.Count - 1))} {and} {named[^1]}";
        return $"{by} {list}";
    }
}
