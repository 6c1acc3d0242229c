namespace SocialReport.Core.Cards;

/// <summary>Shortens text to a budget for a card: whole sentences when possible, whole words always.</summary>
public static class TextCutter
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The text itself when it fits <see cref="TextBudget.Max"/>; else the first sentences ending at or after
    /// <see cref="TextBudget.Min"/>, else the first words (a lone opening mark if nothing else fits), else (one giant word) the first grapheme clusters.
    /// A cut text ends with "…" and is at most <c>Max + 1</c> long.
    /// </summary>
    public static string Cut(string text, TextBudget budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget.Max, 1);
        var trimmed = text.Trim();
        if (trimmed.Length <= budget.Max)
            return trimmed;

        for (var p = budget.Max; p >= Math.Max(budget.Min, 1); p--)
        {
            if (TextBoundaries.KindAt(trimmed, p) >= TextBoundaries.Kind.Sentence)
                return EndSentence(trimmed[..p].TrimEnd());
        }
        string? bare = null;
        for (var p = budget.Max; p >= 1; p--)
        {
            if (TextBoundaries.KindAt(trimmed, p) == TextBoundaries.Kind.None)
                continue;
            var words = trimmed[..p].TrimEnd();
            var tidy = words.TrimEnd(Dangling);
            if (tidy.Length > 0)
                return tidy + Ellipsis;
            bare ??= words;
        }
        // Only punctuation before the first gap ("«  Alfred…" in 5): keep it rather than cut a word.
        if (bare is not null)
            return bare + Ellipsis;
        return trimmed[..TextBoundaries.HardCut(trimmed, 0, budget.Max)] + Ellipsis;
    }

    // Punctuation that reads wrong right before "…": "mondiale, …", "selon : …", "« …".
    private static readonly char[] Dangling = [',', ';', ':', '–', '—', '-', '(', '[', '«', '“', '"', '/', '\u00A0', '\u202F', '\u2007', ' '];

    private static string EndSentence(string sentence)
    {
        if (sentence.EndsWith(Ellipsis, StringComparison.Ordinal))
            return sentence;
        if (sentence.EndsWith("...", StringComparison.Ordinal))
            return sentence[..^3] + Ellipsis;
        if (sentence.EndsWith('.'))
            return sentence[..^1] + Ellipsis;
        return sentence + Ellipsis;
    }
}
