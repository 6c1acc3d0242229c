using System.Buffers;
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

    private static readonly int MaxLeadingWordLength = LeadingWords.Max(w => w.Length);

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

    private static readonly SearchValues<char> SeamPunctuation = SearchValues.Create(".!?,«»");

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"(?<=\p{Ll}{2})([.!?])(?=\p{Lu}\p{Ll})", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex GluedSentence();

    [GeneratedRegex(@"(?<=\p{L}),(?=\p{L})", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex GluedComma();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}.,!?;:])«|»(?=[\p{L}\p{N}])", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
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

    /// <summary>Copies the text once, a space added at each seam (inserting them one by one was quadratic).</summary>
    private static string SeparateOutlets(string text, OutletCatalog outlets)
    {
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        void SpaceAt(int index)
        {
            builder.Append(text, copied, index - copied).Append(' ');
            copied = index;
        }
        foreach (var mention in outlets.FindMentions(text))
        {
            var end = mention.Index + mention.Length;
            if (mention.Index > 0 && char.IsLetterOrDigit(text[mention.Index - 1]) && IsWordEnd(text, mention.Index))
            {
                SpaceAt(mention.Index);
            }
            if (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                SpaceAt(end);
            }
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>"rapporteLe Monde" and "leBlog" end a word before the seam; "UnWired" is one name. Only the last four
    /// letters before the seam matter, so only those are read.</summary>
    private static bool IsWordEnd(string text, int seam)
    {
        var start = seam;
        while (start > 0 && seam - start < 4 && char.IsLetter(text[start - 1]))
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

    /// <summary>Most words have no seam at all: those are not handed to the patterns.</summary>
    private static string RepairToken(string token)
    {
        if (token.AsSpan().ContainsAny(SeamPunctuation))
        {
            token = GluedSentence().Replace(token, "$1 ");
            token = GluedComma().Replace(token, ", ");
            token = GluedGuillemet().Replace(token, m => m.Value == "«" ? " «" : "» ");
        }
        return HasCaseSeam(token) ? LetterRun().Replace(token, m => SplitCamelSeams(m.Value)) : token;
    }

    private static bool HasCaseSeam(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsLower(token[i - 1]) && char.IsUpper(token[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads each seam without copying the word (copies per seam made a long glued word quadratic).</summary>
    private static string SplitCamelSeams(string word)
    {
        if (CamelCaseNames.Any(name => word.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
        {
            return word;
        }
        // Past the last letter that is not lowercase, what follows a seam is a single word.
        var lastNotLower = word.Length - 1;
        while (lastNotLower > 0 && char.IsLower(word[lastNotLower]))
        {
            lastNotLower--;
        }
        for (var seam = 1; seam < word.Length; seam++)
        {
            if (!char.IsLower(word[seam - 1]) || !char.IsUpper(word[seam]))
            {
                continue;
            }
            if ((seam <= MaxLeadingWordLength && LeadingWords.Contains(word[..seam]))
                || (seam >= 3 && seam == lastNotLower && SentenceOpeners.Contains(word[seam..])))
            {
                return word[..seam] + " " + SplitCamelSeams(word[seam..]);
            }
        }
        return word;
    }
}
