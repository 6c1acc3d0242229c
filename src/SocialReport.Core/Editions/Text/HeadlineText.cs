using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>What a headline line carries besides the headline: a number, a date or time, a label in brackets before it
/// ("2. Titre", "1- Titre", "19/06 – Titre", "10h30 - Titre", "[Vidéo] Titre"); an outlet after it ("Titre via Mashable",
/// "Titre (lefigaro.fr – 3 avril)").</summary>
internal static partial class HeadlineText
{
    [GeneratedRegex(@"^(?:(?<number>#?\d{1,2}[.)]|#\d{1,2}\b|\d{1,2}\s?[-–](?=\s))|\d{1,2}/\d{1,2}(?:/\d{2,4})?\s{0,3}[–—-]|\d{1,2}[h:]\d{2}\s{0,3}[–—-]|\[[^\[\]]{1,24}\])\s{1,3}(?=\S)", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Prefix();

    /// <summary>" via Mashable", " via Washington Post", " via TIME": one to four capitalised words.</summary>
    [GeneratedRegex(@"\s+via\s+(?<outlet>\p{Lu}[\p{L}\d.&'’-]{0,30}(?:\s\p{Lu}[\p{L}\d.&'’-]{0,30}){0,3})$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ViaOutlet();

    /// <summary>" (lefigaro.fr – 3 avril)", " (The Verge)": the parenthesis closes the line.</summary>
    [GeneratedRegex(@"\s+\((?<outlet>[^()–—]{2,40}?)(?:\s[–—-]\s[^()]{1,30})?\)$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex OutletInParentheses();

    [GeneratedRegex(@"^[\p{L}\d-]{2,40}\.(?:[a-z]{2,6})$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex DomainName();

    /// <summary>The headline without its prefixes, and whether one was a number (a numbered headline may end with a period).</summary>
    public static (string Text, bool Numbered) WithoutPrefix(string line)
    {
        var numbered = false;
        for (var i = 0; i < 2; i++)
        {
            var match = Prefix().Match(line);
            if (!match.Success || match.Length >= line.Length)
            {
                break;
            }
            numbered |= match.Groups["number"].Success;
            line = line[match.Length..];
        }
        return (line, numbered);
    }

    /// <summary>The headline as a story shows it: no prefix, no final period after a number, no outlet after it; and the outlet.</summary>
    public static (string Headline, string? Outlet) Split(string line, OutletCatalog outlets)
    {
        var (text, numbered) = WithoutPrefix(line);
        if (numbered && text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal))
        {
            text = text[..^1];
        }
        if (ViaOutlet().Match(text) is { Success: true } via && via.Index > 0)
        {
            return (text[..via.Index], via.Groups["outlet"].Value);
        }
        if (OutletInParentheses().Match(text) is { Success: true } cited && cited.Index > 0)
        {
            var outlet = cited.Groups["outlet"].Value.Trim();
            if (DomainName().IsMatch(outlet))
            {
                return (text[..cited.Index], OutletOfDomain(outlet, outlets));
            }
            if (outlets.Find(outlet) is { } known)
            {
                return (text[..cited.Index], known.Name);
            }
        }
        return (text, null);
    }

    /// <summary>"lefigaro.fr" is Le Figaro: the domain's name is the outlet's without its spaces.</summary>
    private static string OutletOfDomain(string domain, OutletCatalog outlets)
    {
        var label = TextFolding.Key(domain.Split('.')[0]);
        return outlets.Find(label)?.Name
            ?? outlets.Outlets.FirstOrDefault(o => !o.CommonWord && Squashed(o.Name) == label)?.Name
            ?? domain;
    }

    private static string Squashed(string name) => string.Concat(TextFolding.Key(name).Where(char.IsLetterOrDigit));
}
