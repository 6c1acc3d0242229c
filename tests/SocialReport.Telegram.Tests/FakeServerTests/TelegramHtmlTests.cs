using CsCheck;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.FakeServerTests;

public class TelegramHtmlTests
{
    private static FormattedText Parse(string html, bool strict = true)
    {
        Assert.True(TelegramHtml.TryParse(html, strict, out var text, out var error), error);
        return text;
    }

    [Fact]
    public void Every_allowed_tag_becomes_its_entity()
    {
        var text = Parse("<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>"
                         + "<span class=\"tg-spoiler\">p</span><tg-spoiler>q</tg-spoiler><a href=\"https://example.com/?a=1&amp;b=2\">l</a>"
                         + "<code>c</code><pre>p</pre><pre><code class=\"language-csharp\">x</code></pre><blockquote>q</blockquote>"
                         + "<blockquote expandable>e</blockquote><tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");

        Assert.Equal("bsieunskdpqlcpxqe👍", text.Text);
        Assert.Equal(["bold", "bold", "italic", "italic", "underline", "underline", "strikethrough", "strikethrough", "strikethrough", "spoiler", "spoiler",
                      "text_link", "code", "pre", "pre", "blockquote", "expandable_blockquote", "custom_emoji"], text.Entities.Select(e => e.Type));
        Assert.Equal("https://example.com/?a=1&b=2", text.Entities.Single(e => e.Type == "text_link").Url);
        Assert.Equal("csharp", text.Entities.Single(e => e.Language is not null).Language);
        Assert.Equal(new TextEntity("custom_emoji", 17, 2, CustomEmojiId: "5368324170671202286"), text.Entities[^1]);
    }

    [Fact]
    public void Only_four_named_entities_and_numeric_references_are_decoded()
    {
        Assert.Equal("<tag> & \"q\" 'é'A", Parse("&lt;tag&gt; &amp; &quot;q&quot; &#39;&#233;&#39;&#x41;").Text);
        Assert.False(TelegramHtml.TryParse("&nbsp;", strictEscaping: true, out _, out var error));
        Assert.Equal("Unescaped \"&\" at byte offset 0", error);
        Assert.Equal("&nbsp; &apos;", Parse("&nbsp; &apos;", strict: false).Text);
    }

    [Fact]
    public void Offsets_are_utf16_units_and_nesting_gives_nested_entities()
    {
        var text = Parse("😀 <b>gras <i>et italique</i></b>");

        Assert.Equal([new TextEntity("bold", 3, 16), new TextEntity("italic", 8, 11)], text.Entities);
    }

    [Fact]
    public void Tag_names_are_case_insensitive_attribute_names_are_not_and_an_empty_end_tag_closes_the_last_tag()
    {
        var text = Parse("<B>x</B><a href=example.com>y</><a HREF=\"https://ignored.fr\">z.fr</a>");

        Assert.Equal(["bold", "text_link", "text_link"], text.Entities.Select(e => e.Type));
        Assert.Equal(["http://example.com", "http://z.fr"], text.Entities.Skip(1).Select(e => e.Url));
    }

    [Fact]
    public void Escaped_text_in_any_allowed_tag_comes_back_unchanged()
    {
        Gen.String.Check(text =>
        {
            var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
            Assert.True(TelegramHtml.TryParse($"<b><a href=\"https://example.com/?q={escaped.Replace("\"", "&quot;", StringComparison.Ordinal)}\">{escaped}</a></b>",
                strictEscaping: true, out var parsed, out var error), error);
            Assert.Equal(text, parsed.Text);
        });
    }

    [Fact]
    public void Unescaped_markup_characters_never_pass_strict_parsing_silently()
    {
        Gen.String[" <>&abc"].Where(s => s.IndexOfAny(['<', '>', '&']) >= 0).Check(text =>
            !TelegramHtml.TryParse(text, strictEscaping: true, out var parsed, out _) || parsed.Text != text);
    }
}
