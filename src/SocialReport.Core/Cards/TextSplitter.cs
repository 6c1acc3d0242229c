namespace SocialReport.Core.Cards;

/// <summary>Splits a long text into parts that fit a channel, at the best boundary each part allows.</summary>
public static class TextSplitter
{
    /// <summary>
    /// Parts of at most <paramref name="maxChars"/> UTF-16 code units, cut at paragraph breaks, else sentence ends,
    /// else between words, else between grapheme clusters (or code points). Only whitespace at the cuts is dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var parts = new List<string>();
        var start = SkipWhiteSpace(text, 0);
        while (start < text.Length)
        {
            var (end, next) = NextCut(text, start, maxChars);
            var part = text[start..end].TrimEnd();
            if (part.Length > 0)
                parts.Add(part);
            start = next;
        }
        return parts;
    }

    /// <summary>
    /// Where the part starting at <paramref name="start"/> should end (<c>End</c>, exclusive, at most
    /// <paramref name="maxChars"/> further) and where the next part starts (<c>Next</c>, past the whitespace).
    /// A boundary in the second half of the window wins over a better kind of boundary in the first half, so
    /// parts stay large.
    /// </summary>
    public static (int End, int Next) NextCut(string text, int start, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        if (text.Length - start <= maxChars)
            return (text.Length, text.Length);

        var limit = start + maxChars;
        int paragraph = -1, sentence = -1, word = -1;
        for (var p = limit; p > start && paragraph < 0; p--)
        {
            var kind = TextBoundaries.KindAt(text, p);
            if (kind == TextBoundaries.Kind.None)
                continue;
            if (word < 0)
                word = p;
            if (sentence < 0 && kind >= TextBoundaries.Kind.Sentence)
                sentence = p;
            if (kind == TextBoundaries.Kind.Paragraph)
                paragraph = p;
        }

        var half = start + maxChars / 2;
        int end;
        if (paragraph >= half) end = paragraph;
        else if (sentence >= half) end = sentence;
        else if (word >= half) end = word;
        else if (paragraph > 0) end = paragraph;
        else if (sentence > 0) end = sentence;
        else if (word > 0) end = word;
        else end = TextBoundaries.HardCut(text, start, maxChars);
        return (end, SkipWhiteSpace(text, end));
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }
}
