using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>How names and job titles look in an editors block.</summary>
internal static partial class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "du", "des", "d'", "von", "van", "der", "den", "la", "le", "da", "di", "dos", "bin", "al" };

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "editor", "editorial", "editrice", "editeur", "redacteur", "redactrice", "redaction", "chef", "directeur", "directrice",
        "director", "manager", "journaliste", "journalist", "reporter", "head", "lead", "responsable", "charge", "chargee",
        "consultant", "consultante", "analyst", "analyste", "stagiaire", "intern", "fondateur", "fondatrice", "founder", "ceo",
        "president", "presidente", "senior", "junior", "projet", "project", "media", "medias", "division", "team", "equipe",
        "marketing", "communication", "strategist", "correspondant", "correspondante", "writer", "auteur", "autrice",
        "coordinator", "coordinatrice", "coordinateur", "assistant", "assistante", "officer", "specialist", "specialiste",
        "content", "contenu", "news", "social", "digital", "presse", "press", "revues",
    };

    [GeneratedRegex(@"^\p{Lu}[\p{Ll}'’-]*(?:-\p{Lu}[\p{Ll}'’]+)*$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"^[\p{Lu}'’ -]{2,40}$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex UppercaseWords();

    [GeneratedRegex(@"[^\p{L}]+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NonLetters();

    /// <summary>"LIMOUSI", "DE LA TOUR": a surname as some exports print it.</summary>
    public static bool IsUppercaseSurname(string line) =>
        UppercaseWords().IsMatch(line) && line.Count(char.IsLetter) >= 2 && line.Split(' ').Length <= 3;

    /// <summary>"Ambre", "Jean-Pierre".</summary>
    public static bool IsFirstName(string line) =>
        CapitalisedWord().IsMatch(line) && line.Any(char.IsLower) && !IsRole(line);

    /// <summary>"Ambre Limousi", "Ursula von der Leyen".</summary>
    public static bool IsFullName(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
            && CapitalisedWord().IsMatch(words[0]) && CapitalisedWord().IsMatch(words[^1])
            && words.All(w => CapitalisedWord().IsMatch(w) || Particles.Contains(TextFolding.Key(w)))
            && !IsRole(line);
    }

    public static bool IsRole(string line) =>
        NonLetters().Split(TextFolding.Key(line)).Any(RoleWords.Contains);

    /// <summary>"DRISSI" → "Drissi", "SAINT-EXUPÉRY" → "Saint-Exupéry", "O'BRIEN" → "O'Brien".</summary>
    public static string Capitalise(string upper)
    {
        var chars = upper.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-' or '\'' or '’')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }

    /// <summary>Of two spellings of one word, the one that kept its accents.</summary>
    public static string Richer(string a, string b)
    {
        if (a.All(c => !char.IsLetter(c) || char.IsUpper(c)) && a.Any(char.IsLetter))
        {
            return b;
        }
        return b.Count(c => c > 127) > a.Count(c => c > 127) ? b : a;
    }
}
