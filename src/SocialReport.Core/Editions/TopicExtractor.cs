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

    /// <summary>Topic key by spelling as <see cref="BrandKey"/> writes it.</summary>
    private static readonly Dictionary<string, string> BrandsBySpelling = KnownBrands
        .SelectMany(b => b.Value.Select(spelling => (b.Key, Spelling: BrandKey(spelling))))
        .DistinctBy(b => b.Spelling)
        .ToDictionary(b => b.Spelling, b => b.Key, StringComparer.Ordinal);

    /// <summary>A surname longer than this is no surname, and counting it would only cost time.</summary>
    private const int MaxSurnameLength = 40;

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

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:von|van|der|den|de|du|da|di|le|la)\s+)*\p{Lu}[\p{Ll}'’-]+){1,2}", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CapitalisedRun();

    public static IReadOnlyList<string> Extract(string headline, string text, OutletCatalog? outlets = null)
    {
        var whole = headline + "\n\n" + text;
        var counts = new Dictionary<string, (int Count, int First)>();
        void Count(string key, int index) =>
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.First) : (1, index);

        var folded = TextFolding.Fold(whole);
        foreach (var match in Brands.EnumerateMatches(folded))
        {
            // The pattern's case-insensitive letters are a little wider than lowercasing: skip what no spelling gives.
            if (BrandsBySpelling.TryGetValue(BrandKey(folded.Substring(match.Index, match.Length)), out var brand))
            {
                Count(brand, match.Index);
            }
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
        var candidates = Surnames(text, outlets);
        var counts = CountWords(TextFolding.Fold(text), candidates.Select(c => c.Spelling));
        return candidates
            .Select(c => (c.Key, c.First, Count: counts[c.Spelling]))
            .Where(c => c.Count >= 2);
    }

    /// <summary>The surname of each name the text gives, the first time its key comes up: folded as in the text, and
    /// as a topic key.</summary>
    private static List<(string Key, string Spelling, int First)> Surnames(string text, OutletCatalog outlets)
    {
        var surnames = new List<(string Key, string Spelling, int First)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A text repeats its names: each distinct run of words is read once.
        var read = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var run in CapitalisedRun().EnumerateMatches(text))
        {
            var after = text.AsSpan(run.Index + run.Length).TrimStart();
            if ((after.Length > 0 && char.IsDigit(after[0])) || !read.Add(text.AsSpan(run.Index, run.Length)))
            {
                continue;
            }
            var words = text.Substring(run.Index, run.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries)
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
            var spelling = TextFolding.Fold(surname);
            if (spelling.Length <= MaxSurnameLength && IsSurnameSpelling(spelling))
            {
                surnames.Add((key, spelling, run.Index));
            }
        }
        return surnames;
    }

    /// <summary>A capital, then lowercase letters, apostrophes and hyphens: "Zuckerberg", "D'alembert".</summary>
    private static bool IsSurnameSpelling(string word) =>
        char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c is '\'' or '-');

    /// <summary>How often each word stands on its own in the text (no letter touches either end), in one pass over
    /// the text whatever the number of words: a regex per word made a long text of many names quadratic.</summary>
    private static Dictionary<string, int> CountWords(string folded, IEnumerable<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            counts.TryAdd(word, 0);
        }
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < folded.Length; start++)
        {
            if (!char.IsUpper(folded[start]) || (start > 0 && char.IsLetter(folded[start - 1])))
            {
                continue;
            }
            // Every word counted has the shape IsSurnameSpelling checks, so its ends can only be where that shape allows.
            for (var end = start + 1; ; end++)
            {
                var atEnd = end == folded.Length;
                if ((atEnd || !char.IsLetter(folded[end])) && lookup.TryGetValue(folded.AsSpan(start, end - start), out var count))
                {
                    lookup[folded.AsSpan(start, end - start)] = count + 1;
                }
                if (atEnd || end - start >= MaxSurnameLength || !(char.IsLower(folded[end]) || folded[end] is '\'' or '-'))
                {
                    break;
                }
            }
        }
        return counts;
    }

    private static bool IsBrand(string word) => Brands.IsMatch(TextFolding.Fold(word));

    /// <summary>Brands match whatever the case after their first letter and with or without their inner space ("Tik Tok", "Tiktok").</summary>
    private static string BrandKey(string spelling) => TextFolding.Key(spelling).Replace(" ", "", StringComparison.Ordinal);

    private static Regex BuildBrandPattern()
    {
        var alternatives = KnownBrands
            .SelectMany(b => b.Value.Select(TextFolding.Fold))
            .OrderByDescending(spelling => spelling.Length)
            .Select(spelling => $"{Regex.Escape(spelling[..1])}(?i:{Regex.Escape(spelling[1..]).Replace(@"\ ", " ?", StringComparison.Ordinal)})");
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, ImportLimits.MatchTimeout);
    }
}
