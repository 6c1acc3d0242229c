using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>French or English, by counting each language's most frequent words. French wins a tie: it is the
/// newsletter's language.</summary>
public static partial class LanguageDetector
{
    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "des", "une", "est", "et", "dans", "pour", "sur", "avec", "qui", "que", "pas", "du", "au", "aux",
        "ce", "cette", "ses", "leur", "mais", "ou", "plus", "par", "nous", "vous", "il", "elle", "sont", "été", "être", "l",
        "d", "qu", "n", "c", "s", "j", "entre", "selon", "aussi", "très", "déjà", "chez", "depuis",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "is", "are", "for", "with", "that", "this", "it", "was", "be", "by", "from", "has",
        "have", "will", "its", "their", "you", "we", "they", "which", "been", "not", "but", "or", "can", "more", "about",
        "after", "into", "would", "what", "new", "also", "our", "your",
    };

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Word();

    public static string Detect(string text)
    {
        int french = 0, english = 0;
        var lower = text.ToLowerInvariant();
        var frenchWords = French.GetAlternateLookup<ReadOnlySpan<char>>();
        var englishWords = English.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in Word().EnumerateMatches(lower))
        {
            var word = lower.AsSpan(match.Index, match.Length);
            french += frenchWords.Contains(word) ? 1 : 0;
            english += englishWords.Contains(word) ? 1 : 0;
        }
        return english > french ? "en" : "fr";
    }
}
