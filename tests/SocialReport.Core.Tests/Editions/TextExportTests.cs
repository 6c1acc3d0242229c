using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Copies of other newsletters' web pages: page chrome must never become a story.</summary>
public sealed class TextExportTests
{
    private static readonly string[] ChromeWords =
    [
        "Je m'abonne", "Imprimer", "Recherche", "Screenshot", ".png", ".jpg", "Round-Up", "Newsletter", "Subscribe", "Share",
        "Read more", "Publié par", "Source :", "Source:", "©", "Logo de", "Partager", "Mentions légales", "Unsubscribe",
        "Advertisement", "Crédit photo", "Photo credit", "Accueil ›", "In this issue", "À lire aussi", "Tweet",
        "min de lecture", "Suivez-nous", "commentaires", "Tags :", "Mots-clés", "Photo by", "Getty", "Accueil /", "Tous droits",
    ];

    public static TheoryData<string> Exports =>
    [
        "text/emarketing-actu-medias-reseaux-sociaux.txt",
        "text/socialday-weekly-news-roundup-2020-10-23.txt",
        "text/veille-reseaux-sociaux-2021-01-15.txt",
        "text/social-brief-2021-06-04.txt",
        "text/revue-de-presse-digitale-42.txt",
        "text/social-report-2020-03-13-en.txt",
        "text/blog-digital-2021-03-12.txt",
    ];

    [Theory]
    [MemberData(nameof(Exports))]
    public void No_chrome_reaches_a_headline_or_a_story(string name)
    {
        var edition = Fixture.Import(name);
        Assert.NotEmpty(edition.Stories);
        foreach (var story in edition.Stories)
        {
            foreach (var chrome in ChromeWords)
            {
                Assert.DoesNotContain(chrome, story.Headline, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(chrome, story.Text, StringComparison.Ordinal);
            }
            Assert.NotEqual(edition.Title, story.Headline);
            Assert.False(string.IsNullOrWhiteSpace(story.Text));
        }
    }

    [Fact]
    public void Emarketing_page_starts_with_tiktok_shop_credited_to_le_monde()
    {
        var edition = Fixture.Import("text/emarketing-actu-medias-reseaux-sociaux.txt");

        Assert.Equal("TikTok, Facebook, Snap... L'actu médias et réseaux sociaux de la semaine", edition.Title);
        Assert.Equal("https://i777777o652d6d61726b6574696e67o6672z.oszar.com/Thematique/media-1093/veille-tribune-2214/Diaporamas/tiktok-facebook-snap-actu-medias-reseaux-sociaux-470015/est-tiktok-shop-debarque-france-470017.htm", edition.Url?.ToString());
        Assert.Equal(
            ["Il est là : TikTok Shop a débarqué en France", "Netflix, Amazon et Disney intègrent le lobby de la publicité TV, qui change de nom"],
            edition.Stories.Select(s => s.Headline));
        Assert.Equal([new Source("Le Monde", null)], edition.Stories[0].Sources);
        Assert.Equal([new Author("Alexandre Lecouvé", null)], edition.Authors);
        Assert.StartsWith("Chaque semaine, la rédaction vous propose", edition.Intro, StringComparison.Ordinal);
        Assert.Equal("fr", edition.Language);
        Assert.Equal("tiktok", edition.Stories[0].Topics[0]);
    }

    [Fact]
    public void Emarketing_page_without_a_year_is_dated_by_its_weekday()
    {
        // "lundi 31 mars": the latest Monday 31 March before the fixed test day is in 2025.
        Assert.Equal(new DateOnly(2025, 3, 31), Fixture.Import("text/emarketing-actu-medias-reseaux-sociaux.txt").Date);
    }

    [Fact]
    public void Socialday_roundup_skips_banners_and_screenshots()
    {
        var edition = Fixture.Import("text/socialday-weekly-news-roundup-2020-10-23.txt");

        Assert.Equal("Social Media Weekly News Roundup", edition.Title);
        Assert.Equal(new DateOnly(2020, 10, 23), edition.Date);
        Assert.Equal("en", edition.Language);
        Assert.StartsWith("Snapchat will premiere its first original series", edition.Stories[0].Headline, StringComparison.Ordinal);
        Assert.Equal(3, edition.Stories.Count);
        Assert.Equal("Instagram cracks down on influencers not disclosing paid partnerships", edition.Stories[1].Headline);
        Assert.Equal(3, edition.Intro.Split("\n\n").Length);
        Assert.StartsWith("Happy Friday SocialDayers!", edition.Intro, StringComparison.Ordinal);
        Assert.Contains("trump", edition.Stories[2].Topics);
    }

    [Fact]
    public void French_page_with_bylines_source_lines_and_credits()
    {
        var edition = Fixture.Import("text/veille-reseaux-sociaux-2021-01-15.txt");

        Assert.Equal("La veille réseaux sociaux", edition.Title);
        Assert.Equal(new DateOnly(2021, 1, 15), edition.Date);
        Assert.Equal([new Author("Claire Martin", null), new Author("Julien Moreau", null)], edition.Authors);
        Assert.StartsWith("Au programme cette semaine", edition.Intro, StringComparison.Ordinal);
        Assert.Equal(3, edition.Stories.Count);
        Assert.Equal(["Les Echos", "Le Figaro"], edition.Stories[0].Sources.Select(s => s.Name));
        // "le JDN" and "Source : Journal du Net" are one outlet.
        Assert.Equal(["JDN"], edition.Stories[1].Sources.Select(s => s.Name));
        // A hard-wrapped paragraph is joined again; the "À lire aussi" button between paragraphs is gone.
        Assert.Contains("plus jeune et plus engagée", edition.Stories[1].Text, StringComparison.Ordinal);
        // A source line with only an address names the outlet and gives it its link.
        Assert.Equal([new Source("TechCrunch", new Uri("https://techcrunch.com/2021/01/05/twitter-acquires-breaker/"))], edition.Stories[2].Sources);
        Assert.Contains("dorsey", edition.Stories[2].Topics);
    }

    [Fact]
    public void English_page_with_captions_glued_links_and_footer()
    {
        var edition = Fixture.Import("text/social-brief-2021-06-04.txt");

        Assert.Equal("The Social Brief", edition.Title);
        Assert.Equal(new DateOnly(2021, 6, 4), edition.Date);
        Assert.Equal("en", edition.Language);
        Assert.Equal([new Author("Sarah Collins", null)], edition.Authors);
        Assert.Equal(
            ["Instagram lets everyone hide like counts", "TikTok now allows three-minute videos", "Clubhouse drops its waitlist"],
            edition.Stories.Select(s => s.Headline));
        Assert.StartsWith("After two years of tests", edition.Stories[0].Text, StringComparison.Ordinal);
        Assert.Contains("according to The Verge.", edition.Stories[0].Text, StringComparison.Ordinal);
        Assert.Equal(["The Verge"], edition.Stories[0].Sources.Select(s => s.Name));
        Assert.EndsWith("Bloomberg reported.", edition.Stories[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_headlines_without_blank_lines()
    {
        var edition = Fixture.Import("text/revue-de-presse-digitale-42.txt");

        Assert.Equal("Revue de presse digitale n°42", edition.Title);
        Assert.Equal(new DateOnly(2021, 2, 8), edition.Date);
        Assert.Equal("Une sélection de la rédaction, chaque lundi matin.", edition.Intro);
        Assert.Equal(
            [
                "Clubhouse, le réseau social audio qui fait parler de lui",
                "Faut-il avoir peur de la fin des cookies tiers ?",
                "Snapchat dépasse les 265 millions d’utilisateurs quotidiens",
            ],
            edition.Stories.Select(s => s.Headline));
        Assert.Equal(["Numerama"], edition.Stories[0].Sources.Select(s => s.Name));
        Assert.Equal(["Stratégies"], edition.Stories[1].Sources.Select(s => s.Name));
        Assert.Equal(["Siècle Digital"], edition.Stories[2].Sources.Select(s => s.Name));
        Assert.Equal(2, edition.Stories[1].Paragraphs.Count());
    }

    [Fact]
    public void English_edition_with_an_editors_block_of_names_and_titles()
    {
        var edition = Fixture.Import("text/social-report-2020-03-13-en.txt");

        Assert.Equal("The Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 3, 13), edition.Date);
        Assert.Equal("en", edition.Language);
        Assert.Equal([new Author("Jane Smith", "Senior Editor, Media Division"), new Author("Tom Baker", "Social Media Analyst")], edition.Authors);
        Assert.Equal(3, edition.Stories.Count);
        Assert.Equal("Twitter tests disappearing “Fleets” in Brazil", edition.Stories[0].Headline);
        Assert.Equal(["twitter", "beykpour"], edition.Stories[0].Topics.Take(2));
        Assert.Equal(["CNBC"], edition.Stories[1].Sources.Select(s => s.Name));
    }

    [Fact]
    public void Site_name_above_the_dated_title_is_not_the_title()
    {
        var edition = Fixture.Import("text/blog-digital-2021-03-12.txt");

        Assert.Equal("Les 3 infos social media de la semaine", edition.Title);
        Assert.Equal(new DateOnly(2021, 3, 12), edition.Date);
        Assert.Equal("Trois annonces ont retenu notre attention cette semaine, entre audio, commerce et vidéo courte.", edition.Intro);
        Assert.Equal(
            ["Twitter ouvre Spaces à tous les comptes de plus de 600 abonnés", "Facebook teste le shopping en direct aux États-Unis", "Instagram prépare une version « Lite » de Reels"],
            edition.Stories.Select(s => s.Headline));
        // The byline, photo credit, related link and comment counter inside the first story are dropped.
        Assert.Equal(2, edition.Stories[0].Paragraphs.Count());
        Assert.Equal(["Frandroid", "Presse-citron"], edition.Stories[0].Sources.Select(s => s.Name));
        Assert.Equal(["BFMTV"], edition.Stories[1].Sources.Select(s => s.Name));
        Assert.Empty(edition.Stories[1].Tags);
    }

    [Fact]
    public void Source_line_names_an_outlet_outside_the_catalog()
    {
        var text = "Veille du 3 avril 2020\n\nUn titre de brève ici\n\nUn paragraphe qui raconte la brève avec assez de mots pour en être un.\n\nSource : La Gazette de Trifouilly\n";
        var edition = new EditionImporter().Import("veille.txt", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal([new Source("La Gazette de Trifouilly", null)], edition.Stories.Single().Sources);
        Assert.DoesNotContain("Source", edition.Stories[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_from_configuration_finds_more_outlets()
    {
        var text = "Veille du 3 avril 2020\n\nUn titre de brève ici\n\nUn paragraphe qui raconte la brève, selon Le Petit Journal Local.\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Empty(new EditionImporter().Import("veille.txt", bytes).Stories[0].Sources);
        var extended = new EditionImporter(OutletCatalog.Default.WithExtra(["Le Petit Journal Local"]));
        Assert.Equal(["Le Petit Journal Local"], extended.Import("veille.txt", bytes).Stories[0].Sources.Select(s => s.Name));
    }
}

public sealed class TextSignatureTests
{
    [Fact]
    public void Editors_signing_at_the_bottom_are_authors_not_story_text()
    {
        var text = """
            Social Report - 10 avril 2020

            Cette semaine, le Social Report revient sur les nouveautés d’Instagram et de TikTok.

            Instagram lance les Guides

            Instagram permet désormais de publier des Guides, des sélections de posts commentés, indique Numerama.

            Une fonction pensée pour les créateurs et les marques.
            A bon entendeur !

            Réalisé par
            Marie Dupont
            Rédactrice en chef

            Paul
            DURAND
            """;

        var edition = new EditionImporter().Import("signed.txt", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal([new Author("Marie Dupont", "Rédactrice en chef"), new Author("Paul Durand", null)], edition.Authors);
        var story = edition.Stories.Single();
        Assert.EndsWith("A bon entendeur !", story.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", story.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Réalisé", story.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_closing_lines_without_names_stay_in_the_story()
    {
        var text = "Social Report - 10 avril 2020\n\nUne brève sur Instagram\n\nInstagram permet désormais de publier des Guides, indique Numerama.\n\nA bon entendeur !\nÀ la semaine prochaine\n";

        var story = new EditionImporter().Import("unsigned.txt", System.Text.Encoding.UTF8.GetBytes(text)).Stories.Single();

        Assert.EndsWith("A bon entendeur !\n\nÀ la semaine prochaine", story.Text, StringComparison.Ordinal);
    }
}
