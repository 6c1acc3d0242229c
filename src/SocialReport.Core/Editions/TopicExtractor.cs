using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>What a story is about when its editor set no tags: the platforms and brands it names, and the
/// people it names more than once (by surname: "Mark Zuckerberg" → "zuckerberg"), most mentioned first.</summary>
public static partial class TopicExtractor
{
    public const int MaxTopics = 5;

    /// <summary>Topic key, then the spellings that stand for it.</summary>
    public static IReadOnlyDictionary<string, string[]> KnownBrands { get; } = new Dictionary<string, string[]>
    {
        ["facebook"] = ["Facebook"], ["instagram"] = ["Instagram"], ["whatsapp"] = ["WhatsApp"],
        ["tiktok"] = ["TikTok", "Tik Tok"], ["snapchat"] = ["Snapchat", "Snap"], ["twitter"] = ["Twitter", "Tweet", "Tweets"],
        ["linkedin"] = ["LinkedIn"], ["youtube"] = ["YouTube"], ["pinterest"] = ["Pinterest"], ["messenger"] = ["Messenger"],
        ["threads"] = ["Threads"], ["bluesky"] = ["Bluesky"], ["mastodon"] = ["Mastodon"], ["reddit"] = ["Reddit"],
        ["twitch"] = ["Twitch"], ["discord"] = ["Discord"], ["telegram"] = ["Telegram"], ["wechat"] = ["WeChat"],
        ["clubhouse"] = ["Clubhouse"], ["bereal"] = ["BeReal"], ["meta"] = ["Meta"], ["google"] = ["Google"],
        ["apple"] = ["Apple"], ["amazon"] = ["Amazon"], ["microsoft"] = ["Microsoft"], ["netflix"] = ["Netflix"],
        ["spotify"] = ["Spotify"], ["disney"] = ["Disney", "Disney+"], ["openai"] = ["OpenAI"], ["chatgpt"] = ["ChatGPT"],
        ["dior"] = ["Dior"], ["chanel"] = ["Chanel"], ["louisvuitton"] = ["Louis Vuitton"], ["gucci"] = ["Gucci"],
        ["nike"] = ["Nike"], ["adidas"] = ["Adidas"], ["loreal"] = ["L'Oréal", "L'Oreal"], ["sephora"] = ["Sephora"],
        ["cocacola"] = ["Coca-Cola"], ["mcdonalds"] = ["McDonald's", "McDonald"], ["samsung"] = ["Samsung"],
        ["tesla"] = ["Tesla"], ["uber"] = ["Uber"], ["airbnb"] = ["Airbnb"], ["shopify"] = ["Shopify"],
    };

    private static readonly Regex Brands = BuildBrandPattern();

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "the", "a", "an", "il", "elle", "ce", "cette", "pour", "mais",
        "et", "en", "dans", "selon", "si", "or", "ainsi", "alors", "nous", "vous", "on", "this", "that", "in", "on", "for",
        "but", "and", "as", "at", "with", "by", "we", "they", "he", "she", "it", "its", "his", "her", "our", "after", "when",
        "union", "commission", "président", "présidente", "president", "directeur", "directrice", "monsieur", "madame",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "social", "media", "report", "intelligence", "artificielle", "europe", "france",
        "despite", "although", "however", "since", "while", "according", "meanwhile", "also", "yet", "still", "then",
        "selon", "depuis", "pendant", "malgré", "après", "avant", "comme", "quand", "lorsque", "enfin", "désormais",
        "french", "english", "british", "american", "dutch", "german", "chinese", "european", "européen", "européenne",
        "américain", "américaine", "chinois", "français", "française", "allemand", "britannique",
    };

    /// <summary>Words that may come before a name without being part of it.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "président", "présidente", "ceo", "pdg", "directeur", "directrice", "minister", "ministre", "senator",
        "sénateur", "commissaire", "commissioner", "chairman", "founder", "fondateur", "monsieur", "madame", "dr", "prof",
        "the", "le", "la", "us", "uk", "eu",
    };

    private static readonly string[] Particles = ["von", "van", "der", "den", "de", "du", "da", "di", "le", "la"];

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:von|van|der|den|de|du|da|di|le|la)\s+)*\p{Lu}[\p{Ll}'’-]+){1,2}")]
    private static partial Regex CapitalisedRun();

    public static IReadOnlyList<string> Extract(string headline, string text, OutletCatalog? outlets = null)
    {
        var whole = headline + "\n\n" + text;
        var counts = new Dictionary<string, (int Count, int First)>();
        void Count(string key, int index) =>
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.First) : (1, index);

        foreach (Match match in Brands.Matches(TextFolding.Fold(whole)))
        {
            Count(match.Groups.Values.First(g => g.Success && g.Name.StartsWith('b')).Name[1..], match.Index);
        }
        foreach (var (surname, first, count) in People(whole, outlets ?? OutletCatalog.Default))
        {
            counts.TryAdd(surname, (count, first));
        }
        return counts
            .OrderByDescending(c => c.Value.Count)
            .ThenBy(c => c.Value.First)
            .Select(c => c.Key)
            .Take(MaxTopics)
            .ToList();
    }

    /// <summary>Topics an editor typed: lowercase, without '#', no duplicates.</summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => PlainText.Normalize(t).Trim().TrimStart('#').Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Names of two or three capitalised words whose surname the text uses at least twice.</summary>
    private static IEnumerable<(string Surname, int First, int Count)> People(string text, OutletCatalog outlets)
    {
        var folded = TextFolding.Fold(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var after = text.AsSpan(run.Index + run.Length).TrimStart();
            if (after.Length > 0 && char.IsDigit(after[0]))
            {
                continue;
            }
            var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w)
                .SkipWhile(Titles.Contains)
                .ToArray();
            if (words.Length < 2 || words.Any(w => NotNames.Contains(w) || IsBrand(w)) || outlets.Find(string.Join(' ', words)) is not null)
            {
                continue;
            }
            var surname = words[^1];
            var key = TextFolding.Key(surname).Replace("'", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (Particles.Contains(key) || !seen.Add(key))
            {
                continue;
            }
            var count = Regex.Count(folded, $@"(?<!\p{{L}}){Regex.Escape(TextFolding.Fold(surname))}(?!\p{{L}})");
            if (count >= 2)
            {
                yield return (key, run.Index, count);
            }
        }
    }

    private static bool IsBrand(string word) => Brands.IsMatch(TextFolding.Fold(word));

    private static Regex BuildBrandPattern()
    {
        var alternatives = KnownBrands
            .SelectMany(b => b.Value.Select(spelling => (key: b.Key, spelling: TextFolding.Fold(spelling))))
            .OrderByDescending(a => a.spelling.Length)
            .Select(a => $"(?<b{a.key}>{Regex.Escape(a.spelling[..1])}(?i:{Regex.Escape(a.spelling[1..]).Replace(@"\ ", " ?", StringComparison.Ordinal)}))");
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);
    }
}
