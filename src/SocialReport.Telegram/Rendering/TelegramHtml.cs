using System.Text;

namespace SocialReport.Telegram.Rendering;

/// <summary>Telegram's HTML parse mode: escaping, the length Telegram counts, and a validator as strict as Telegram.</summary>
internal static partial class TelegramHtml
{
    private static readonly HashSet<string> PlainTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "pre"];

    private static readonly HashSet<string> LinkSchemes = ["http", "https", "tg", "mailto", "ftp"];

    /// <summary>Text made safe for HTML mode, in text and in attribute values; lone surrogates become U+FFFD.</summary>
    public static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                default:
                    var units = HtmlTokenizer.CodePointLength(text, i);
                    if (units == 0)
                        html.Append('\uFFFD');
                    else
                        html.Append(text, i, units);
                    i += Math.Max(units, 1) - 1;
                    break;
            }
        }
        return html.ToString();
    }

    /// <summary>The length Telegram checks against 4096: the text after parsing, in UTF-16 code units.</summary>
    /// <exception cref="ArgumentException">The HTML does not parse.</exception>
    public static int VisibleLength(string html)
    {
        var (atoms, error) = HtmlTokenizer.Tokenize(html);
        if (error is not null)
            throw new ArgumentException(error, nameof(html));
        return atoms.Where(a => a.Kind == HtmlAtomKind.Text).Sum(a => a.Units);
    }

    /// <summary>The text after parsing: what the reader sees.</summary>
    /// <exception cref="ArgumentException">The HTML does not parse.</exception>
    public static string VisibleText(string html)
    {
        var (atoms, error) = HtmlTokenizer.Tokenize(html);
        if (error is not null)
            throw new ArgumentException(error, nameof(html));
        var text = new StringBuilder(html.Length);
        foreach (var atom in atoms.Where(a => a.Kind == HtmlAtomKind.Text))
        {
            if (atom.Decoded is { } decoded)
                text.Append(decoded);
            else
                text.Append(html, atom.Start, atom.Length);
        }
        return text.ToString();
    }

    /// <summary>The first reason Telegram would answer "can't parse entities", or null when the HTML is valid.</summary>
    public static string? Validate(string html)
    {
        var (atoms, error) = HtmlTokenizer.Tokenize(html);
        return error ?? CheckStructure(atoms);
    }

    private static string? CheckStructure(List<HtmlAtom> atoms)
    {
        var open = new List<string>();
        foreach (var atom in atoms)
        {
            switch (atom.Kind)
            {
                case HtmlAtomKind.Open:
                    var problem = CheckTag(atom) ?? CheckNesting(atom, open);
                    if (problem is not null)
                        return $"at {atom.Start}: {problem}";
                    open.Add(atom.Name!);
                    break;
                case HtmlAtomKind.Close:
                    if (open.Count == 0)
                        return $"at {atom.Start}: </{atom.Name}> closes nothing";
                    if (open[^1] != atom.Name)
                        return $"at {atom.Start}: </{atom.Name}> closes <{open[^1]}>";
                    open.RemoveAt(open.Count - 1);
                    break;
            }
        }
        return open.Count > 0 ? $"<{open[^1]}> is not closed" : null;
    }

    private static string? CheckTag(HtmlAtom tag)
    {
        var name = tag.Name!;
        var attributes = tag.Attributes ?? [];
        string? Only(string attribute, Func<string?, bool> valid) =>
            attributes.Count == 1 && attributes[0].Name == attribute && valid(attributes[0].Value)
                ? null
                : $"<{name}> needs exactly a valid {attribute} attribute";

        return name switch
        {
            _ when PlainTags.Contains(name) => attributes.Count == 0 ? null : $"<{name}> takes no attributes",
            "a" => Only("href", IsLink),
            "span" => Only("class", v => v == "tg-spoiler"),
            "tg-emoji" => Only("emoji-id", v => !string.IsNullOrEmpty(v) && v.All(char.IsAsciiDigit)),
            "code" => attributes.Count == 0 ? null : Only("class", v => v is not null && v.StartsWith("language-", StringComparison.Ordinal)),
            "blockquote" => attributes.Count == 0 ? null : Only("expandable", v => v is null),
            _ => $"unsupported tag <{name}>",
        };
    }

    private static string? CheckNesting(HtmlAtom tag, List<string> open)
    {
        var name = tag.Name!;
        if (open.Contains("code"))
            return $"<{name}> inside <code>";
        if (open.Contains("pre") && name != "code")
            return $"<{name}> inside <pre>";
        if (name == "code" && open.Contains("pre") && open[^1] != "pre")
            return "<code> in <pre> must be its direct child";
        if (name == "a" && open.Contains("a"))
            return "<a> inside <a>";
        if (name == "blockquote" && open.Contains("blockquote"))
            return "<blockquote> inside <blockquote>";
        return null;
    }

    private static bool IsLink(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme);
}
