using System.Text;
using System.Text.RegularExpressions;

namespace SocialReport.Teams.Rendering;

/// <summary>
/// Makes untrusted text safe for a Teams TextBlock, which always goes through Teams' Markdown subset (bold, italic,
/// lists, links). The text must show as written: nothing in an edition may turn into formatting or a link.
/// </summary>
/// <remarks>
/// Block markers at the start of a line ("1. ", "- ", "+ ", "# ") keep their character but get a no-break space in
/// place of the space: CommonMark needs an ASCII space there, and a no-break space looks the same. Inline markers are
/// escaped with a backslash (<c>\*</c>, <c>\_</c>, <c>\[</c>, <c>\`</c>…), the CommonMark way that Teams' desktop,
/// web and mobile renderers honour; an underscore inside a word (<c>user_name</c>) is never emphasis and is left
/// alone. A zero-width space is put between <c>]</c> and <c>(</c>, so that no renderer can see a link even if it
/// ignored the backslash. Hashtags (<c>#whatsapp</c>) are not headings and stay as they are.
/// </remarks>
internal static partial class TeamsMarkdown
{
    private const char NoBreakSpace = '\u00A0';
    private const char ZeroWidthSpace = '\u200B';
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Escape(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) escaped.Append('\n');
            EscapeLine(escaped, lines[i].TrimStart());
        }
        return escaped.ToString();
    }

    /// <summary>A Markdown link with an escaped label; only http(s) URLs, with the characters that would end the link encoded.</summary>
    public static string Link(string label, Uri url) =>
        $"[{Escape(label).Replace("]", "\\]", StringComparison.Ordinal)}]({url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})";

    private static void EscapeLine(StringBuilder escaped, string line)
    {
        var start = 0;
        if (BlockMarker().Match(line) is { Success: true } marker)
        {
            // Keep the marker, swap the space after it: "1984. C'était" stays a sentence, not a list item.
            escaped.Append(marker.Groups["marker"].Value.Replace("*", "\\*", StringComparison.Ordinal)).Append(NoBreakSpace);
            start = marker.Length;
        }
        else if (RuleLine().IsMatch(line) || line.StartsWith('>'))
        {
            escaped.Append('\\').Append(line[0]);
            start = 1;
        }

        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            var previous = i > 0 ? line[i - 1] : ' ';
            var next = i + 1 < line.Length ? line[i + 1] : '\n';
            switch (c)
            {
                case '\\' when !AsciiPunctuation.Contains(next) && next != '\n':
                    // Only ASCII punctuation can be escaped, and a backslash ending a line would break it.
                    escaped.Append(c);
                    break;
                case '\\' or '*' or '`' or '[':
                    escaped.Append('\\').Append(c);
                    break;
                case '_' when !(char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(next)):
                    escaped.Append("\\_");
                    break;
                case '~' when previous == '~' || next == '~':
                    escaped.Append("\\~");
                    break;
                case ']' when next == '(':
                    escaped.Append(']').Append(ZeroWidthSpace);
                    break;
                case '<' when char.IsAsciiLetter(next) || next is '/' or '!' or '?':
                    escaped.Append("\\<");
                    break;
                case '&' when EntityAt().IsMatch(line.AsSpan(i)):
                    escaped.Append("\\&");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }
    }

    [GeneratedRegex(@"^(?<marker>[-+*]|\d{1,9}[.)]|#{1,6})( |$)")]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"^([-=_*])( *\1)* *$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex EntityAt();
}
