using System.Text;

namespace SocialReport.Telegram.Rendering;

internal enum HtmlAtomKind { Text, Open, Close }

/// <summary>
/// One piece of Telegram HTML: a tag, or one visible code point (a character, a surrogate pair or an entity).
/// <see cref="Decoded"/> is set for entities only; a plain character is the HTML itself.
/// </summary>
internal readonly record struct HtmlAtom(
    HtmlAtomKind Kind, int Start, int Length, string? Name = null, string? Decoded = null,
    IReadOnlyList<(string Name, string? Value)>? Attributes = null)
{
    public int Units => Decoded?.Length ?? Length;
}

/// <summary>Reads Telegram HTML strictly: whatever Telegram would reject at the lexical level is an error here.</summary>
internal static class HtmlTokenizer
{
    public static (List<HtmlAtom> Atoms, string? Error) Tokenize(string html)
    {
        var atoms = new List<HtmlAtom>(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            switch (c)
            {
                case '<':
                    var (tag, error) = ReadTag(html, i);
                    if (tag is not { } read)
                        return (atoms, error);
                    atoms.Add(read);
                    i += read.Length;
                    break;
                case '&':
                    if (!TryReadEntity(html, i, out var decoded, out var length))
                        return (atoms, $"at {i}: '&' starts no entity (&lt; &gt; &amp; &quot; or &#N;); write &amp;");
                    atoms.Add(new HtmlAtom(HtmlAtomKind.Text, i, length, Decoded: decoded));
                    i += length;
                    break;
                case '>':
                    return (atoms, $"at {i}: bare '>'; write &gt;");
                default:
                    var units = CodePointLength(html, i);
                    if (units == 0)
                        return (atoms, $"at {i}: lone surrogate U+{(int)c:X4}");
                    atoms.Add(new HtmlAtom(HtmlAtomKind.Text, i, units));
                    i += units;
                    break;
            }
        }
        return (atoms, null);
    }

    /// <summary>1 or 2 for a whole code point at <paramref name="i"/>, 0 for a lone surrogate.</summary>
    internal static int CodePointLength(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 0;
        return char.IsLowSurrogate(c) ? 0 : 1;
    }

    private static (HtmlAtom? Tag, string? Error) ReadTag(string html, int start)
    {
        var j = start + 1;
        var closing = j < html.Length && html[j] == '/';
        if (closing)
            j++;
        var nameStart = j;
        while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-'))
            j++;
        if (j == nameStart)
            return (null, $"at {start}: '<' starts no tag; write &lt;");
        var name = html[nameStart..j].ToLowerInvariant();

        var attributes = new List<(string Name, string? Value)>();
        while (true)
        {
            var spaceStart = j;
            while (j < html.Length && html[j] is ' ' or '\t' or '\n' or '\r')
                j++;
            if (j >= html.Length)
                return (null, $"at {start}: tag <{name}> is not terminated");
            if (html[j] == '>')
                break;
            if (closing)
                return (null, $"at {j}: closing tag </{name}> has attributes");
            if (j == spaceStart)
                return (null, $"at {j}: unexpected '{html[j]}' in <{name}>");

            var attributeStart = j;
            while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] is '-' or '_'))
                j++;
            if (j == attributeStart)
                return (null, $"at {j}: unexpected '{html[j]}' in <{name}>");
            var attribute = html[attributeStart..j].ToLowerInvariant();
            string? value = null;
            if (j < html.Length && html[j] == '=')
            {
                var (read, end, error) = ReadQuotedValue(html, j + 1, name, attribute);
                if (read is null)
                    return (null, error);
                value = read;
                j = end;
            }
            if (attributes.Any(a => a.Name == attribute))
                return (null, $"at {attributeStart}: attribute {attribute} repeated in <{name}>");
            attributes.Add((attribute, value));
        }
        var kind = closing ? HtmlAtomKind.Close : HtmlAtomKind.Open;
        return (new HtmlAtom(kind, start, j + 1 - start, name, Attributes: attributes), null);
    }

    private static (string? Value, int End, string? Error) ReadQuotedValue(string html, int j, string tag, string attribute)
    {
        if (j >= html.Length || html[j] != '"')
            return (null, j, $"at {j}: value of {attribute} in <{tag}> must be in double quotes");
        j++;
        var value = new StringBuilder();
        while (j < html.Length && html[j] != '"')
        {
            if (html[j] == '<')
                return (null, j, $"at {j}: bare '<' in {attribute} of <{tag}>; write &lt;");
            if (html[j] == '&')
            {
                if (!TryReadEntity(html, j, out var decoded, out var length))
                    return (null, j, $"at {j}: '&' starts no entity in {attribute} of <{tag}>; write &amp;");
                value.Append(decoded);
                j += length;
                continue;
            }
            var units = CodePointLength(html, j);
            if (units == 0)
                return (null, j, $"at {j}: lone surrogate in {attribute} of <{tag}>");
            value.Append(html, j, units);
            j += units;
        }
        if (j >= html.Length)
            return (null, j, $"at {j}: value of {attribute} in <{tag}> is not terminated");
        return (value.ToString(), j + 1, null);
    }

    /// <summary>The four named entities Telegram knows, and numeric ones naming a real code point.</summary>
    internal static bool TryReadEntity(string html, int i, out string decoded, out int length)
    {
        foreach (var (entity, text) in NamedEntities)
        {
            if (string.CompareOrdinal(html, i, entity, 0, entity.Length) == 0)
            {
                (decoded, length) = (text, entity.Length);
                return true;
            }
        }
        (decoded, length) = ("", 0);
        if (i + 2 >= html.Length || html[i + 1] != '#')
            return false;
        var j = i + 2;
        var hex = html[j] is 'x' or 'X';
        if (hex)
            j++;
        var digitsStart = j;
        long value = 0;
        while (j < html.Length && j - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(html[j]) : char.IsAsciiDigit(html[j])))
        {
            value = value * (hex ? 16 : 10) + Convert.ToInt32(html[j].ToString(), hex ? 16 : 10);
            j++;
        }
        if (j == digitsStart || j >= html.Length || html[j] != ';')
            return false;
        if (value is <= 0 or > 0x10FFFF or >= 0xD800 and <= 0xDFFF)
            return false;
        (decoded, length) = (char.ConvertFromUtf32((int)value), j + 1 - i);
        return true;
    }

    private static readonly (string Entity, string Text)[] NamedEntities =
        [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\"")];
}
