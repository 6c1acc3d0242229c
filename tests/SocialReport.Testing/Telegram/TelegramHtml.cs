using System.Globalization;
using System.Text;

namespace SocialReport.Testing.Telegram;

/// <summary>
/// Telegram's parse_mode HTML, written from the Bot API documentation and the behaviour of its parser: the same
/// tags, the same entity decoding, the same error texts with UTF-8 byte offsets. The oracle for rendered messages,
/// so it shares nothing with the renderers it checks.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> SupportedTags =
        ["a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "tg-emoji", "code", "pre", "blockquote"];

    private sealed record OpenTag(string Name, string Argument, int Offset);

    /// <summary>Parses <paramref name="html"/>; on failure <paramref name="error"/> is Telegram's text after "can't parse entities: ".</summary>
    public static bool TryParse(string html, bool strictEscaping, out FormattedText result, out string error)
    {
        var parser = new Parser(html, strictEscaping);
        error = parser.Run() ?? "";
        result = new FormattedText(parser.Text.ToString(), [.. parser.Entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)]);
        return error.Length == 0;
    }

    private sealed class Parser(string html, bool strict)
    {
        public readonly StringBuilder Text = new(html.Length);
        public readonly List<TextEntity> Entities = [];
        private readonly Stack<OpenTag> _open = new();
        private int _i;

        // Telegram's parser reads a NUL-terminated string; past the end reads as '\0', which counts as space.
        private char At(int index) => index < html.Length ? html[index] : '\0';

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f' or '\0';

        private int Bytes(int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

        public string? Run()
        {
            while (_i < html.Length)
            {
                var c = html[_i];
                if (c == '&')
                {
                    var at = _i;
                    if (TryDecodeEntity(Text)) continue;
                    if (strict) return $"Unescaped \"&\" at byte offset {Bytes(at)}";
                }
                else if (c == '>' && strict)
                {
                    return $"Unescaped \">\" at byte offset {Bytes(_i)}";
                }
                if (c != '<')
                {
                    Text.Append(c);
                    _i++;
                    continue;
                }
                var error = At(_i + 1) == '/' ? EndTag() : StartTag();
                if (error is not null) return error;
            }
            return _open.Count > 0 ? $"Can't find end tag corresponding to start tag \"{_open.Peek().Name}\"" : null;
        }

        private string? StartTag()
        {
            var begin = _i++;
            while (!IsSpace(At(_i)) && At(_i) != '>') _i++;
            if (_i >= html.Length) return $"Unclosed start tag at byte offset {Bytes(begin)}";
            var name = html[(begin + 1).._i].ToLowerInvariant();
            if (!SupportedTags.Contains(name)) return $"Unsupported start tag \"{name}\" at byte offset {Bytes(begin)}";

            var argument = "";
            while (At(_i) != '>')
            {
                while (_i < html.Length && IsSpace(html[_i])) _i++;
                if (At(_i) == '>') break;
                var attributeBegin = _i;
                while (!IsSpace(At(_i)) && At(_i) is not ('=' or '>' or '/' or '"' or '\'')) _i++;
                var attribute = html[attributeBegin.._i];
                if (attribute.Length == 0) return $"Empty attribute name in the tag \"{name}\" at byte offset {Bytes(begin)}";
                while (_i < html.Length && IsSpace(html[_i])) _i++;
                if (At(_i) != '=')
                {
                    if (_i >= html.Length) return $"Unclosed start tag \"{name}\" at byte offset {Bytes(begin)}";
                    if (name == "blockquote" && attribute == "expandable") argument = "1";
                    continue;
                }
                _i++;
                while (_i < html.Length && IsSpace(html[_i])) _i++;
                if (_i >= html.Length) return $"Unclosed start tag \"{name}\" at byte offset {Bytes(begin)}";

                string value;
                if (html[_i] is not ('"' or '\''))
                {
                    var tokenBegin = _i;
                    while (_i < html.Length && (char.IsAsciiLetterOrDigit(html[_i]) || html[_i] is '.' or '-')) _i++;
                    value = html[tokenBegin.._i].ToLowerInvariant();
                    if (!IsSpace(At(_i)) && At(_i) != '>') return $"Unexpected end of name token at byte offset {Bytes(tokenBegin)}";
                }
                else
                {
                    var quote = html[_i++];
                    var builder = new StringBuilder();
                    while (_i < html.Length && html[_i] != quote)
                    {
                        if (html[_i] == '&')
                        {
                            var at = _i;
                            if (TryDecodeEntity(builder)) continue;
                            if (strict) return $"Unescaped \"&\" at byte offset {Bytes(at)}";
                        }
                        builder.Append(html[_i++]);
                    }
                    if (_i < html.Length) _i++;
                    value = builder.ToString();
                }
                if (_i >= html.Length) return $"Unclosed start tag at byte offset {Bytes(begin)}";

                argument = (name, attribute) switch
                {
                    ("a", "href") => value,
                    ("code", "class") when value.StartsWith("language-", StringComparison.Ordinal) => value[9..],
                    ("span", "class") when value.StartsWith("tg-", StringComparison.Ordinal) => value[3..],
                    ("tg-emoji", "emoji-id") => value,
                    ("blockquote", "expandable") => "1",
                    _ => argument,
                };
            }
            _i++;
            if (name == "span" && argument != "spoiler") return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {Bytes(begin)}";
            _open.Push(new OpenTag(name, argument, Text.Length));
            return null;
        }

        private string? EndTag()
        {
            var begin = _i++;
            if (_open.Count == 0) return $"Unexpected end tag at byte offset {Bytes(begin)}";
            while (!IsSpace(At(_i)) && At(_i) != '>') _i++;
            var name = html[(begin + 2).._i].ToLowerInvariant();
            while (_i < html.Length && IsSpace(html[_i])) _i++;
            if (At(_i) != '>') return $"Unclosed end tag at byte offset {Bytes(begin)}";
            _i++;
            var open = _open.Peek();
            if (name.Length > 0 && name != open.Name)
                return $"Unmatched end tag at byte offset {Bytes(begin)}, expected \"</{open.Name}>\", found \"</{name}>\"";
            _open.Pop();
            return Text.Length > open.Offset ? AddEntity(open, Text.Length - open.Offset) : null;
        }

        private string? AddEntity(OpenTag tag, int length)
        {
            var offset = tag.Offset;
            var last = Entities.Count > 0 ? Entities[^1] : null;
            var sameRange = last is not null && last.Offset == offset && last.Length == length;
            switch (tag.Name)
            {
                case "b" or "strong": Entities.Add(new("bold", offset, length)); break;
                case "i" or "em": Entities.Add(new("italic", offset, length)); break;
                case "u" or "ins": Entities.Add(new("underline", offset, length)); break;
                case "s" or "strike" or "del": Entities.Add(new("strikethrough", offset, length)); break;
                case "span" or "tg-spoiler": Entities.Add(new("spoiler", offset, length)); break;
                case "blockquote": Entities.Add(new(tag.Argument.Length > 0 ? "expandable_blockquote" : "blockquote", offset, length)); break;
                case "tg-emoji":
                    if (!long.TryParse(tag.Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var emojiId) || emojiId == 0)
                        return "Invalid custom emoji identifier specified";
                    Entities.Add(new("custom_emoji", offset, length, CustomEmojiId: tag.Argument));
                    break;
                case "a":
                    var url = tag.Argument.Length > 0 ? tag.Argument : Text.ToString(offset, length);
                    if (CheckedLink(url) is { } link) Entities.Add(new("text_link", offset, length, Url: link));
                    break;
                case "pre" when sameRange && last!.Type == "code" && last.Language is not null:
                    Entities[^1] = new("pre", offset, length, Language: last.Language);
                    break;
                case "pre": Entities.Add(new("pre", offset, length)); break;
                case "code" when sameRange && last!.Type == "pre" && tag.Argument.Length > 0:
                    Entities[^1] = new("pre", offset, length, Language: tag.Argument);
                    break;
                case "code": Entities.Add(new("code", offset, length, Language: tag.Argument.Length > 0 ? tag.Argument : null)); break;
            }
            return null;
        }

        // Telegram drops a link it cannot read instead of failing; scheme-less links get http://.
        private static string? CheckedLink(string url)
        {
            url = url.Trim();
            if (url.Length == 0) return null;
            if (!url.Contains("://", StringComparison.Ordinal) && !url.StartsWith("tg:", StringComparison.OrdinalIgnoreCase)) url = "http://" + url;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
            return uri.Scheme is "http" or "https" or "tg" or "ton" or "ftp" ? url : null;
        }

        /// <summary>Only &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references are entities; anything else is text.</summary>
        private bool TryDecodeEntity(StringBuilder into)
        {
            var end = _i + 1;
            long code = 0;
            if (At(_i + 1) == '#')
            {
                end++;
                var hex = At(_i + 2) == 'x';
                if (hex) end++;
                while (hex ? char.IsAsciiHexDigit(At(end)) : char.IsAsciiDigit(At(end)))
                {
                    code = Math.Min(code * (hex ? 16 : 10) + Convert.ToInt32(At(end).ToString(), hex ? 16 : 10), 0x110000);
                    end++;
                }
                if (code == 0 || code >= 0x10ffff || end - _i >= 10 || code is >= 0xd800 and <= 0xdfff) return false;
            }
            else
            {
                while (char.IsAsciiLetter(At(end))) end++;
                code = html[(_i + 1)..end] switch { "lt" => '<', "gt" => '>', "amp" => '&', "quot" => '"', _ => 0 };
                if (code == 0) return false;
            }
            if (At(end) == ';') end++;
            else if (strict) return false;
            into.Append(char.ConvertFromUtf32((int)code));
            _i = end;
            return true;
        }
    }
}
