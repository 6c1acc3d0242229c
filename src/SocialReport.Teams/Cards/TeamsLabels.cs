namespace SocialReport.Teams.Cards;

/// <summary>The few words the Teams cards add around the edition's own text.</summary>
public static class TeamsLabels
{
    public static bool IsFrench(string language) => !language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The button that unfolds a story in place.</summary>
    public static string Read(string language) => IsFrench(language) ? "Lire" : "Read";

    public static string ReadOnline(string language) => IsFrench(language) ? "Lire l’édition en ligne" : "Read online";

    /// <summary>"Sources : " with the French no-break space before the colon.</summary>
    public static string SourcesPrefix(string language) => IsFrench(language) ? "Sources\u00A0: " : "Sources: ";

    /// <summary>Under an edition cut for size: "+ 12 autres articles".</summary>
    public static string MoreStories(int count, string language) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+ {count} {(IsFrench(language) ? (count > 1 ? "autres articles" : "autre article") : (count > 1 ? "more stories" : "more story"))}");

    public static string Part(int part, int parts, string language) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(IsFrench(language) ? "Partie" : "Part")} {part}/{parts}");

    /// <summary>Said in a team when the app is installed: where editions go and how to move them.</summary>
    public static string TeamChannelHint(string botName, string language) => IsFrench(language)
        ? $"Chaque édition sera publiée dans ce canal. Pour la recevoir dans un autre canal, écrivez-y @{botName} subscribe\u00A0; @{botName} unsubscribe l’arrête."
        : $"Each edition will be posted in this channel. To get it in another channel, write @{botName} subscribe there; @{botName} unsubscribe stops it.";
}
