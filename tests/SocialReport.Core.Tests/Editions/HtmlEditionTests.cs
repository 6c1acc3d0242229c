using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class HtmlEditionTests
{
    [Fact]
    public void French_page_title_date_author_and_address_from_markup()
    {
        var edition = Fixture.Import("html/social-report-2020-03-27.html");

        Assert.Equal("Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 3, 27), edition.Date);
        Assert.Equal("fr", edition.Language);
        Assert.Equal(new Uri("https://www.example.com/social-report/2020-03-27"), edition.Url);
        Assert.Equal([new Author("Ambre Limousi", null)], edition.Authors);
        Assert.Equal("Cette semaine, le Social Report revient sur la croissance record des usages numériques pendant le confinement.", edition.Intro);
    }

    [Fact]
    public void Stories_come_from_h2_with_their_paragraphs_and_lists()
    {
        var stories = Fixture.Import("html/social-report-2020-03-27.html").Stories;

        Assert.Equal(["Facebook voit ses usages exploser pendant le confinement", "Netflix réduit la qualité de ses vidéos en Europe"], stories.Select(s => s.Headline));
        Assert.Equal(
            "Les appels vidéo sur Messenger et WhatsApp ont plus que doublé dans les pays les plus touchés, selon Le Monde.\n\nMark Zuckerberg prévient que les serveurs sont mis à rude épreuve, rapporte Les Echos.",
            stories[0].Text);
        Assert.Contains("- YouTube et Amazon Prime Video ont suivi.", stories[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chrome_is_dropped()
    {
        var edition = Fixture.Import("html/social-report-2020-03-27.html");
        var all = edition.Intro + string.Concat(edition.Stories.Select(s => s.Headline + s.Text));

        foreach (var chrome in new[] { "Veille", "Je m'abonne", "Partager", "Tweeter", "logo", "AFP", "À lire aussi", "Mentions légales", "Tous droits", "dataLayer", "font-family", "Source :" })
        {
            Assert.DoesNotContain(chrome, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Links_are_sources_but_share_buttons_and_own_pages_are_not()
    {
        var stories = Fixture.Import("html/social-report-2020-03-27.html").Stories;

        Assert.Equal(
            [
                new Source("Le Monde", new Uri("https://www.lemonde.fr/pixels/article/2020/03/25/facebook-usages.html")),
                new Source("Les Echos", new Uri("https://www.lesechos.fr/tech-medias/facebook-serveurs")),
            ],
            stories[0].Sources);
        // "notre article" links to the edition's own site; "Source : Reuters" credits Reuters.
        Assert.Equal([new Source("Reuters", null)], stories[1].Sources);
        Assert.Contains("explique notre article.", stories[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_page_with_h3_stories_title_tag_and_time_element()
    {
        var edition = Fixture.Import("html/weekly-brief-2021-06-11.html");

        Assert.Equal("The Weekly Brief", edition.Title);
        Assert.Equal(new DateOnly(2021, 6, 11), edition.Date);
        Assert.Equal("en", edition.Language);
        Assert.Equal(new Uri("https://news.example.org/weekly-brief/2021-06-11"), edition.Url);
        Assert.Equal([new Author("Jane Smith", null)], edition.Authors);
        Assert.Equal(["Twitter launches Blue, its first subscription", "Facebook will stop exempting politicians from its rules"], edition.Stories.Select(s => s.Headline));
        Assert.Equal([new Source("The Verge", new Uri("https://www.theverge.com/2021/6/3/twitter-blue"))], edition.Stories[0].Sources);
        Assert.DoesNotContain("tip", edition.Stories[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe", edition.Stories[1].Text, StringComparison.Ordinal);
        Assert.Equal([new Source("Axios", new Uri("https://www.axios.com/facebook-politicians"))], edition.Stories[1].Sources);
    }

    [Fact]
    public void Date_from_text_when_the_markup_has_none()
    {
        var html = "<html><body><h1>Veille du 3 avril 2020</h1><h2>Une brève</h2><p>Un paragraphe.</p></body></html>"u8.ToArray();

        var edition = new EditionImporter().Import("veille.html", html);

        Assert.Equal("Veille", edition.Title);
        Assert.Equal(new DateOnly(2020, 4, 3), edition.Date);
    }
}

public sealed class HtmlPageShapeTests
{
    [Fact]
    public void Logo_heading_and_sidebar_dates_do_not_win()
    {
        var html = """
            <html><body>
              <header><h1 class="logo">Exemple Media</h1></header>
              <aside><h2>Les plus lus</h2><p><time datetime="2019-01-01">1 janvier 2019</time> Un vieil article très lu.</p></aside>
              <main>
                <h1>Social Report</h1>
                <p><time datetime="2020-04-03T09:00">3 avril 2020</time></p>
                <h2>TikTok dépasse les 2 milliards de téléchargements</h2>
                <p>L’application a dépassé les 2 milliards de téléchargements, selon <a href="https://www.numerama.com/tiktok">Numerama</a>.</p>
              </main>
              <footer><h2>Nous suivre</h2><p>Facebook, Twitter</p></footer>
            </body></html>
            """u8.ToArray();

        var edition = new EditionImporter().Import("page.html", html);

        Assert.Equal("Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 4, 3), edition.Date);
        Assert.Equal(["TikTok dépasse les 2 milliards de téléchargements"], edition.Stories.Select(s => s.Headline));
        Assert.Equal([new Source("Numerama", new Uri("https://www.numerama.com/tiktok"))], edition.Stories[0].Sources);
    }
}

public sealed class HtmlEmailLayoutTests
{
    [Fact]
    public void Layout_tables_and_bare_divs_give_each_paragraph_once()
    {
        var html = """
            <html lang="fr"><head><title>Social Report - 3 avril 2020</title></head><body>
              <table><tr><td>
                <h1>Social Report</h1>
                <div>Une intro dans un simple div, sans paragraphe.</div>
                <table><tr><td>
                  <h2>Snapchat lance Snap Minis</h2>
                  <p>Snap ouvre sa messagerie à des mini-applications, selon <a href="https://www.frandroid.com/snap">Frandroid</a>.</p>
                  <h3>Ce qui change</h3>
                  <div>Les développeurs pourront publier des jeux et des outils.</div>
                  <blockquote><p>« Une nouvelle étape », dit Snap.</p></blockquote>
                </td></tr></table>
              </td></tr></table>
            </body></html>
            """u8.ToArray();

        var edition = new EditionImporter().Import("email.html", html);

        Assert.Equal("Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 4, 3), edition.Date);
        Assert.Equal("Une intro dans un simple div, sans paragraphe.", edition.Intro);
        var story = edition.Stories.Single();
        Assert.Equal(
            "Snap ouvre sa messagerie à des mini-applications, selon Frandroid.\n\nCe qui change\n\nLes développeurs pourront publier des jeux et des outils.\n\n« Une nouvelle étape », dit Snap.",
            story.Text);
        Assert.Equal([new Source("Frandroid", new Uri("https://www.frandroid.com/snap"))], story.Sources);
    }
}

public sealed class HtmlDateTests
{
    [Theory]
    [InlineData("<time datetime=\"2020-04-03\">", 2020, 4, 3)]
    [InlineData("<time datetime=\"2020-04-03T09:00:00+02:00\">", 2020, 4, 3)]
    [InlineData("<time datetime=\"soon\"></time><time datetime=\"April 3, 2020\">", 2020, 4, 3)]
    [InlineData("<meta name=\"date\" content=\"2020-04-03\">", 2020, 4, 3)]
    [InlineData("<p>Publié le vendredi 3 avril 2020</p>", 2020, 4, 3)]
    public void Reads_the_date_from_markup_then_text(string markup, int year, int month, int day)
    {
        var html = $"<html><head><title>Brief</title></head><body>{markup}<h2>Une brève</h2><p>Un paragraphe.</p></body></html>";

        var edition = new EditionImporter().Import("page.html", System.Text.Encoding.UTF8.GetBytes(html));

        Assert.Equal(new DateOnly(year, month, day), edition.Date);
    }
}
