using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Host.Web;

namespace SocialReport.Host.Tests.Web;

public sealed class WebCardRendererTests
{
    private readonly WebCardRenderer _renderer = new();

    [Fact]
    public void Every_text_is_encoded_and_only_web_links_are_links()
    {
        var card = new StoryCard
        {
            Language = "fr",
            StoryId = "2020-03-06/2",
            Number = 2,
            Total = 4,
            Headline = "<script>alert('h')</script>",
            Summary = "A & B \"quoted\" <b>not bold</b>\n\nSecond paragraph",
            Sources =
            [
                new Source("Le <Monde>", new Uri("https://www.lemonde.fr/?a=1&b=\"2\"")),
                new Source("Evil", new Uri("javascript:alert(1)")),
            ],
            Topics = ["x\"><img src=x>"],
            Actions = [[CardAction.Run("◀ 1", "/read 2020-03-06/1\"><script>"), CardAction.Open("Lire", new Uri("javascript:alert(2)"))]],
        };

        var html = _renderer.Render(card);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.lemonde.fr/?a=1&amp;b=%222%22\" target=\"_blank\" rel=\"noopener noreferrer\">Le &lt;Monde&gt;</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-command=\"/read 2020-03-06/1&quot;&gt;&lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>A &amp; B &quot;quoted&quot; &lt;b&gt;not bold&lt;/b&gt;</p><p>Second paragraph</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void French_text_stays_readable()
    {
        var html = _renderer.Render(new NoticeCard { Language = "fr", Title = "Réseaux", Text = "L’édition « spéciale » : déjà là !" });

        Assert.Equal("<article class=\"card card-notice\" lang=\"fr\"><h3>Réseaux</h3><p>L’édition « spéciale » : déjà là !</p></article>", html);
    }

    [Fact]
    public void List_items_that_open_something_are_buttons_labelled_with_their_text()
    {
        var list = new ListCard
        {
            Language = "en",
            Title = "Topic: whatsapp",
            Items = [new ListItem("WhatsApp passes 2 billion", "6 March 2020", CardAction.Run("WhatsApp…", "/read 2020-03-06/2")), new ListItem("Plain line")],
            Footer = "1–2 of 2",
        };

        var html = _renderer.Render(list);

        Assert.Contains("<li><button type=\"button\" class=\"item\" data-command=\"/read 2020-03-06/2\">WhatsApp passes 2 billion</button> <span class=\"detail\">6 March 2020</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Plain line</li>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"footer\">1–2 of 2</p>", html, StringComparison.Ordinal);
    }
}
