using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>The clean-up every reader applies to text before it reaches the model.</summary>
internal static class PlainText
{
    /// <summary>Non-breaking and thin spaces become plain spaces, runs of spaces collapse, ends are trimmed.
    /// Typographic apostrophes and quotes are kept as the edition wrote them.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200B')
            {
                pendingSpace = c != '\u200B' || pendingSpace;
                continue;
            }
            if (pendingSpace && builder.Length > 0 && c != '\n' && builder[^1] != '\n')
            {
                builder.Append(' ');
            }
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static string JoinParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0));

    public static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
