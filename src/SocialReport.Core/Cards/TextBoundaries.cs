using System.Globalization;

namespace SocialReport.Core.Cards;

/// <summary>The places where text may be cut, best first: paragraph breaks, sentence ends, gaps between words.</summary>
internal static class TextBoundaries
{
    internal enum Kind { None, Word, Sentence, Paragraph }

    // Titles and the like that end with a dot but not a sentence: "M. Zuckerberg", "Mme Michu", "Dr. Who".
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "Prof", "St", "Ste",
        "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Capt", "Lt", "Col", "Sgt",
        "No", "no", "cf", "vs", "p", "pp", "art", "vol", "fig", "env", "av", "apr",
    };

    /// <summary>True for whitespace a line may break at; no-break spaces glue French punctuation to its word.</summary>
    internal static bool IsBreakSpace(char c) => char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\u2007');

    /// <summary>What kind of boundary lies at <paramref name="p"/>, the first whitespace after a word.</summary>
    internal static Kind KindAt(string text, int p)
    {
        if (p <= 0 || p >= text.Length || !IsBreakSpace(text[p]) || IsBreakSpace(text[p - 1]))
            return Kind.None;
        var newlines = 0;
        for (var i = p; i < text.Length && char.IsWhiteSpace(text[i]) && newlines < 2; i++)
        {
            if (text[i] == '\n')
                newlines++;
        }
        if (newlines >= 2)
            return Kind.Paragraph;
        return newlines == 1 || EndsSentence(text, p) ? Kind.Sentence : Kind.Word;
    }

    private static bool EndsSentence(string text, int p)
    {
        var i = p - 1;
        var closedGuillemet = false;
        while (i >= 0 && IsClosingMark(text[i]))
        {
            closedGuillemet |= text[i] == '»';
            i--;
        }
        // French: « … dangers. » A bon entendeur
        if (closedGuillemet)
        {
            while (i >= 0 && char.IsWhiteSpace(text[i]))
                i--;
        }
        if (i < 0)
            return false;
        var ok = text[i] switch
        {
            '!' or '?' or '…' => true,
            '.' => (i >= 2 && text[i - 1] == '.' && text[i - 2] == '.') || !IsAbbreviation(text, i),
            _ => false,
        };
        return ok && NextStartsSentence(text, p);
    }

    private static bool IsClosingMark(char c) => c is '»' or '”' or '"' or '’' or '\'' or ')' or ']';

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        var word = text[start..dot];
        if (word.Length == 0)
            return false;
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static bool NextStartsSentence(string text, int p)
    {
        var j = p;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
            j++;
        if (j == text.Length)
            return true;
        var c = text[j];
        return !char.IsLower(c) && c is not (',' or ';' or ':' or ')' or ']' or '}' or '»' or '”' or '’' or '.' or '!' or '?');
    }

    /// <summary>
    /// The longest prefix of <c>text[start..]</c> of at most <paramref name="maxChars"/> that ends on whole text
    /// elements (grapheme clusters), or, when even the first cluster is longer, on a whole code point.
    /// </summary>
    internal static int HardCut(string text, int start, int maxChars)
    {
        var end = start;
        while (end < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (end + length - start > maxChars)
                break;
            end += length;
        }
        if (end > start)
            return end;
        end = Math.Min(start + maxChars, text.Length);
        if (end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
            end--;
        return end;
    }
}
