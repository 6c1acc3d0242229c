using System.Text;
using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>Web exports drop the space around link texts: "indiqueLe MondeUn succès", "leBlog du Modérateur",
/// "La Croix« Ce", "M. ZuckerbergDes idées". This puts the space back where a seam is certain, and leaves
/// names written in camel case (WhatsApp, TikTok, LinkedIn, iPhone, McDonald's) alone.</summary>
internal static partial class GluedWords
{
    /// <summary>Lowercase words that are never the first half of a name: "leBlog" is "le Blog".</summary>
    private static readonly HashSet<string> LeadingWords = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "de", "du", "des", "selon", "par", "sur", "dans", "avec", "pour", "chez", "et", "via",
        "the", "by", "of", "from", "and", "according",
    };

    /// <summary>Words that open a sentence: "ZuckerbergDes idées" is two sentences run together.</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "Un", "Une", "Des", "Le", "La", "Les", "Il", "Ils", "Elle", "Elles", "Ce", "Cette", "Ces", "Pour", "Mais", "Et", "En",
        "Dans", "Selon", "Si", "Or", "Ainsi", "Alors", "Pourtant", "Cependant", "Nous", "Au", "Aux", "Du", "De", "Par", "Avec",
        "Depuis", "Enfin", "Déjà", "Toutefois", "Après", "Avant",
        "The", "This", "That", "These", "Those", "But", "And", "For", "They", "She", "His", "Her", "With", "According",
        "However", "Meanwhile", "While", "When", "Its", "Their", "What", "After", "Before",
    };

    private static readonly string[] CamelCaseNames =
    [
        "LinkedIn", "WhatsApp", "TikTok", "YouTube", "iPhone", "iPad", "iOS", "McDonald", "PayPal", "eBay", "PlayStation",
        "OpenAI", "ChatGPT", "DeepMind", "HubSpot", "FaceTime", "SoundCloud", "WeChat", "BeReal", "OnlyFans", "GoPro",
        "PowerPoint", "JavaScript", "MasterCard", "BlackBerry", "DoorDash", "CapCut", "ByteDance", "TechCrunch",
        "BuzzFeed", "HuffPost", "MySpace", "GitHub", "LeBron", "DiCaprio", "MacBook", "AirPods", "VentureBeat", "ZDNet",
    ];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"(?<=\p{Ll}{2})([.!?])(?=\p{Lu}\p{Ll})")]
    private static partial Regex GluedSentence();

    [GeneratedRegex(@"(?<=\p{L}),(?=\p{L})")]
    private static partial Regex GluedComma();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}.,!?;:])«|»(?=[\p{L}\p{N}])")]
    private static partial Regex GluedGuillemet();

    public static string Repair(string text, OutletCatalog outlets)
    {
        var repaired = SeparateOutlets(text, outlets);
        var tokens = repaired.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsAddress(tokens[i]))
            {
                tokens[i] = RepairToken(tokens[i]);
            }
        }
        return string.Join(' ', tokens);
    }

    private static string SeparateOutlets(string text, OutletCatalog outlets)
    {
        var builder = new StringBuilder(text);
        foreach (var mention in outlets.FindMentions(text).Reverse())
        {
            var end = mention.Index + mention.Length;
            if (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                builder.Insert(end, ' ');
            }
            if (mention.Index > 0 && char.IsLetterOrDigit(text[mention.Index - 1]) && IsWordEnd(text, mention.Index))
            {
                builder.Insert(mention.Index, ' ');
            }
        }
        return builder.ToString();
    }

    /// <summary>"rapporteLe Monde" and "leBlog" end a word before the seam; "UnWired" is one name.</summary>
    private static bool IsWordEnd(string text, int seam)
    {
        var start = seam;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        var left = text.AsSpan(start, seam - start);
        return left.Length >= 4 || !HasUpper(left);
    }

    private static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAddress(string token) =>
        token.Contains("://", StringComparison.Ordinal) || token.Contains("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains('@', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal);

    private static string RepairToken(string token)
    {
        token = GluedSentence().Replace(token, "$1 ");
        token = GluedComma().Replace(token, ", ");
        token = GluedGuillemet().Replace(token, m => m.Value == "«" ? " «" : "» ");
        return LetterRun().Replace(token, m => SplitCamelSeams(m.Value));
    }

    private static string SplitCamelSeams(string word)
    {
        if (CamelCaseNames.Any(name => word.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
        {
            return word;
        }
        for (var seam = 1; seam < word.Length; seam++)
        {
            if (!char.IsLower(word[seam - 1]) || !char.IsUpper(word[seam]))
            {
                continue;
            }
            var left = word[..seam];
            var right = word[seam..];
            var rightWord = new string(right.TakeWhile((c, i) => i == 0 || char.IsLower(c)).ToArray());
            var rightIsWholeWord = rightWord.Length == right.Length;
            if (LeadingWords.Contains(left)
                || (left.Length >= 3 && rightIsWholeWord && SentenceOpeners.Contains(rightWord)))
            {
                return left + " " + SplitCamelSeams(right);
            }
        }
        return word;
    }
}
