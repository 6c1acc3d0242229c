using System.Text;
using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>The outlets the importers recognise when an edition names its sources in plain text.</summary>
public sealed class OutletCatalog
{
    private static readonly string[] Articles = ["Le ", "La ", "Les ", "L'", "The "];

    private readonly Dictionary<string, Outlet> _byKey = new(StringComparer.Ordinal);
    private readonly Regex _mentions;

    public OutletCatalog(IEnumerable<Outlet> outlets)
    {
        var list = new List<Outlet>();
        foreach (var outlet in outlets)
        {
            if (string.IsNullOrWhiteSpace(outlet.Name) || outlet.Spellings.Any(s => _byKey.ContainsKey(TextFolding.Key(s))))
            {
                continue;
            }
            list.Add(outlet);
            foreach (var spelling in outlet.Spellings)
            {
                _byKey[TextFolding.Key(spelling)] = outlet;
            }
        }
        Outlets = list;
        _mentions = BuildPattern(list);
    }

    public OutletCatalog(IEnumerable<string> names) : this(names.Select(n => new Outlet(n.Trim()))) { }

    public static OutletCatalog Default { get; } = new(DefaultOutlets.All);

    public IReadOnlyList<Outlet> Outlets { get; }

    /// <summary>This catalog plus outlets named in configuration; names already known are ignored.</summary>
    public OutletCatalog WithExtra(IEnumerable<string> names) =>
        new(Outlets.Concat(names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => new Outlet(n.Trim()))));

    /// <summary>The outlet a name stands for, whatever its accents, apostrophes or case.</summary>
    public Outlet? Find(string name) => _byKey.GetValueOrDefault(TextFolding.Key(PlainText.Normalize(name)));

    /// <summary>Outlets named in a text, in order. A name glued to a neighbouring word ("indiqueLe Monde",
    /// "Le MondeUn") still counts where the case changes at the seam.</summary>
    public IReadOnlyList<OutletMention> FindMentions(string text)
    {
        var found = new List<OutletMention>();
        var folded = TextFolding.Fold(text);
        // A text names the same few outlets over and over: look each spelling up once.
        var bySpelling = new Dictionary<string, Outlet?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in _mentions.EnumerateMatches(folded))
        {
            var spelling = folded.AsSpan(match.Index, match.Length);
            if (!bySpelling.TryGetValue(spelling, out var outlet))
            {
                bySpelling[spelling] = outlet = Find(spelling.ToString());
            }
            if (outlet is null || (outlet.CommonWord && StartsSentence(text, match.Index)))
            {
                continue;
            }
            found.Add(new OutletMention(outlet, match.Index, match.Length, text.Substring(match.Index, match.Length)));
        }
        return found;
    }

    private static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \u00A0\"«“(");
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or '…' or ':' or '\n';
    }

    private static Regex BuildPattern(List<Outlet> outlets)
    {
        var alternatives = outlets
            .SelectMany(outlet => outlet.Spellings.Select(spelling => (outlet, spelling: TextFolding.Fold(spelling))))
            .OrderByDescending(a => a.spelling.Length)
            .Select(a => SpellingPattern(a.spelling));
        const string start = @"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))";
        const string end = @"(?:(?![\p{L}\p{N}]|-\p{L})|(?<=\p{Ll})(?=\p{Lu}))";
        var pattern = outlets.Count == 0 ? "(?!)" : $"{start}(?:{string.Join('|', alternatives)}){end}";
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, ImportLimits.MatchTimeout);
    }

    /// <summary>Case matters ("le monde" is not Le Monde) except in a leading article ("selon l'ADN").</summary>
    private static string SpellingPattern(string spelling)
    {
        var pattern = new StringBuilder();
        var rest = spelling;
        var article = Articles.FirstOrDefault(a => spelling.StartsWith(a, StringComparison.Ordinal) && spelling.Length > a.Length);
        if (article is not null)
        {
            pattern.Append("(?i:").Append(Regex.Escape(article[..^1])).Append(')').Append(article[^1] == ' ' ? " +" : "'");
            rest = spelling[article.Length..];
        }
        pattern.Append(Regex.Escape(rest).Replace(@"\ ", " +", StringComparison.Ordinal));
        return pattern.ToString();
    }
}
