using CsCheck;
using SocialReport.Telegram.Rendering;

namespace SocialReport.Telegram.Tests.Rendering;

public class TelegramHtmlSplitTests
{
    private static void AssertValidParts(IReadOnlyList<string> parts, int max)
    {
        foreach (var part in parts)
        {
            Assert.Null(TelegramHtml.Validate(part));
            Assert.InRange(TelegramHtml.VisibleLength(part), 1, max);
            Assert.False(string.IsNullOrWhiteSpace(TelegramHtml.VisibleText(part)), part);
        }
    }

    [Fact]
    public void Leaves_a_short_message_alone() =>
        Assert.Equal(["<b>Titre</b>\n\ntexte &amp; suite"], TelegramHtml.Split("<b>Titre</b>\n\ntexte &amp; suite", 4096));

    [Fact]
    public void Closes_and_reopens_tags_at_the_cut()
    {
        var html = "<b>" + string.Join(' ', Enumerable.Repeat("mot", 2000)) + "</b>";

        var parts = TelegramHtml.Split(html, 4096);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.StartsWith("<b>mot mot", p));
        Assert.All(parts, p => Assert.EndsWith("mot</b>", p));
        AssertValidParts(parts, 4096);
    }

    [Fact]
    public void Reopens_a_link_with_its_href()
    {
        const string open = "<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">";
        var html = "Voir " + open + string.Join(' ', Enumerable.Repeat("lien", 300)) + "</a> fin.";

        var parts = TelegramHtml.Split(html, 1000);

        Assert.Equal(2, parts.Count);
        Assert.StartsWith("Voir " + open + "lien", parts[0]);
        Assert.StartsWith(open + "lien", parts[1]);
        Assert.EndsWith("</a> fin.", parts[1]);
        AssertValidParts(parts, 1000);
    }

    [Fact]
    public void Cuts_at_a_paragraph_break_in_the_second_half()
    {
        var first = "<i>" + new string('a', 3000) + "</i>";
        var second = string.Join(' ', Enumerable.Repeat("mot.", 400));

        var parts = TelegramHtml.Split(first + "\n\n" + second, 4096);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Never_cuts_an_entity_or_a_surrogate_pair()
    {
        var html = string.Concat(Enumerable.Repeat("&amp;😀&#128512;", 3000));

        var parts = TelegramHtml.Split(html, 4096);

        Assert.Equal(html, string.Concat(parts));
        AssertValidParts(parts, 4096);
    }

    [Fact]
    public void Opening_tags_at_a_cut_go_with_the_next_message()
    {
        var html = new string('a', 10) + " <b>" + new string('b', 10) + "</b>";

        var parts = TelegramHtml.Split(html, 15);

        Assert.Equal([new string('a', 10), "<b>" + new string('b', 10) + "</b>"], parts);
    }

    [Fact]
    public void Whitespace_only_gives_no_message() =>
        Assert.Empty(TelegramHtml.Split("<b> \n\n </b>", 4096));

    [Fact]
    public void Refuses_invalid_html() =>
        Assert.Throws<ArgumentException>(() => TelegramHtml.Split("<p>x</p>", 4096));

    private static readonly Gen<string> Span = Gen.Select(HostileText.Text, Gen.Int[0, 7], HostileText.Url, (text, style, url) =>
    {
        var escaped = TelegramHtml.Escape(text);
        return style switch
        {
            1 => $"<b>{escaped}</b>",
            2 => $"<i>{escaped}</i>",
            3 => $"<a href=\"{TelegramHtml.Escape(url.AbsoluteUri)}\">{escaped}</a>",
            4 => $"<b>x <i>{escaped}</i> <u>y</u></b>",
            5 => $"<blockquote>{escaped}</blockquote>",
            6 => $"<pre><code class=\"language-text\">{escaped}</code></pre>",
            7 => $"<span class=\"tg-spoiler\">{escaped}</span>\n\n",
            _ => escaped,
        };
    });

    [Fact]
    public void Every_part_of_any_valid_html_is_valid_within_limits_and_nothing_is_lost() =>
        Gen.Select(Span.List[0, 6].Select(string.Concat), Gen.Frequency((1, Gen.Int[2, 60]), (3, Gen.Int[60, 4096]), (1, Gen.Const(4096))))
            .Check((html, max) =>
            {
                var parts = TelegramHtml.Split(html, max);

                AssertValidParts(parts, max);
                Assert.Equal(
                    HostileText.Squeeze(TelegramHtml.VisibleText(html)),
                    HostileText.Squeeze(string.Concat(parts.Select(TelegramHtml.VisibleText))));
            }, iter: 150);
}
