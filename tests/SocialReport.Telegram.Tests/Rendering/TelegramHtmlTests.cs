using SocialReport.Telegram.Rendering;

namespace SocialReport.Telegram.Tests.Rendering;

public class TelegramHtmlTests
{
    [Fact]
    public void Escapes_markup_characters_and_lone_surrogates()
    {
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; 😀 é", TelegramHtml.Escape("a <b> & \"c\" 😀 é"));
        Assert.Equal("x\uFFFDy\uFFFD", TelegramHtml.Escape("x\uD800y\uDC00"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("<b>a&amp;b</b>", 3)]
    [InlineData("&#128512; 😀", 5)]
    [InlineData("<a href=\"https://x.example/?a=1&amp;b=2\">lien</a>", 4)]
    [InlineData("ligne\n\n<i>deux</i>", 11)]
    public void Counts_text_after_parsing_in_utf16_units(string html, int expected) =>
        Assert.Equal(expected, TelegramHtml.VisibleLength(html));

    [Theory]
    [InlineData("texte simple, sans balise")]
    [InlineData("")]
    [InlineData("<b>gras</b> <strong>fort</strong> <i>it</i> <em>em</em> <u>u</u> <ins>ins</ins> <s>s</s> <strike>x</strike> <del>d</del>")]
    [InlineData("<tg-spoiler>x</tg-spoiler> <span class=\"tg-spoiler\">y</span>")]
    [InlineData("<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">lien</a>")]
    [InlineData("<a href=\"tg://user?id=123\">moi</a>")]
    [InlineData("<pre><code class=\"language-csharp\">var x = 1 &lt; 2;</code></pre> <code>x</code> <pre>y</pre>")]
    [InlineData("<blockquote>citation</blockquote><blockquote expandable>longue</blockquote>")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>")]
    [InlineData("<b>gras <i>et <u>souligné</u></i></b>")]
    [InlineData("&#x1F600; &#38; &lt;b&gt;")]
    [InlineData("<B>MAJUSCULES</B>")]
    public void Accepts_what_telegram_accepts(string html) =>
        Assert.Null(TelegramHtml.Validate(html));

    [Theory]
    [InlineData("a < b", "'<' starts no tag")]
    [InlineData("a > b", "bare '>'")]
    [InlineData("Tom & Jerry", "'&' starts no entity")]
    [InlineData("&nbsp;", "'&' starts no entity")]
    [InlineData("&amp", "'&' starts no entity")]
    [InlineData("&#xD800;", "'&' starts no entity")]
    [InlineData("&#0;", "'&' starts no entity")]
    [InlineData("&#1114112;", "'&' starts no entity")]
    [InlineData("une<br>ligne", "unsupported tag <br>")]
    [InlineData("<p>para</p>", "unsupported tag <p>")]
    [InlineData("<script>x</script>", "unsupported tag <script>")]
    [InlineData("<b>ouvert", "<b> is not closed")]
    [InlineData("fermé</b>", "</b> closes nothing")]
    [InlineData("<b><i>x</b></i>", "</b> closes <i>")]
    [InlineData("<b", "is not terminated")]
    [InlineData("<b class=\"x\">x</b>", "<b> takes no attributes")]
    [InlineData("<a>x</a>", "<a> needs exactly a valid href")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a> needs exactly a valid href")]
    [InlineData("<a href=\"/relative\">x</a>", "<a> needs exactly a valid href")]
    [InlineData("<a href='https://x.example'>x</a>", "must be in double quotes")]
    [InlineData("<a href=https://x.example>x</a>", "must be in double quotes")]
    [InlineData("<a href=\"https://x.example/?a&b\">x</a>", "'&' starts no entity in href")]
    [InlineData("<a href=\"https://x.example/<\">x</a>", "bare '<' in href")]
    [InlineData("<a href=\"https://x.example\" href=\"https://y.example\">x</a>", "repeated")]
    [InlineData("<a href=\"https://x.example\"><a href=\"https://y.example\">x</a></a>", "<a> inside <a>")]
    [InlineData("<span>x</span>", "<span> needs exactly a valid class")]
    [InlineData("<span class=\"rouge\">x</span>", "<span> needs exactly a valid class")]
    [InlineData("<code><b>x</b></code>", "<b> inside <code>")]
    [InlineData("<pre><i>x</i></pre>", "<i> inside <pre>")]
    [InlineData("<blockquote><blockquote>x</blockquote></blockquote>", "<blockquote> inside <blockquote>")]
    [InlineData("<tg-emoji>👍</tg-emoji>", "<tg-emoji> needs exactly a valid emoji-id")]
    [InlineData("</b x>", "closing tag </b> has attributes")]
    public void Rejects_what_telegram_rejects(string html, string reason)
    {
        var problem = TelegramHtml.Validate(html);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Names_where_the_problem_is() =>
        Assert.Equal("at 4: </i> closes <b>", TelegramHtml.Validate("<b>x</i>"));

    [Fact]
    public void Rejects_lone_surrogates()
    {
        // Not an [InlineData]: attribute strings cannot hold a lone surrogate.
        Assert.Contains("lone surrogate", TelegramHtml.Validate("x\uD800"));
        Assert.Contains("lone surrogate", TelegramHtml.Validate("<a href=\"https://x.example/\uDC00\">x</a>"));
    }

    [Fact]
    public void Escaped_text_is_always_valid_and_reads_the_same()
    {
        var text = "<b>Tom & \"Jerry\"</b> &amp; &#128512; 😀 <a href=\"x\">";

        var html = TelegramHtml.Escape(text);

        Assert.Null(TelegramHtml.Validate(html));
        Assert.Equal(text, TelegramHtml.VisibleText(html));
        Assert.Equal(text.Length, TelegramHtml.VisibleLength(html));
    }

    [Fact]
    public void Counting_invalid_html_is_an_error() =>
        Assert.Throws<ArgumentException>(() => TelegramHtml.VisibleLength("a & b"));
}
