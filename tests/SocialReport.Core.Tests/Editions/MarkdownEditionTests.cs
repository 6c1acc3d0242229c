using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class MarkdownEditionTests
{
    [Fact]
    public void French_edition_with_front_matter_intro_tags_and_links()
    {
        var edition = Fixture.Import("markdown/social-report-2020-03-13.md");

        Assert.Equal("Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 3, 13), edition.Date);
        Assert.Equal("fr", edition.Language);
        Assert.Equal(new Uri("https://www.example.com/social-report/2020-03-13"), edition.Url);
        Assert.Equal(
            [
                new Author("Ambre Limousi", "Senior International News Editor, Division Media"),
                new Author("Gwenaëlle Lepeltier", "Chef de Projet Editorial - Revues de Presse, Division Media"),
                new Author("Nouhaila Drissi", null),
            ],
            edition.Authors);
        Assert.Equal(2, edition.Intro.Split("\n\n").Length);
        Assert.StartsWith("Cette semaine, le Social Report revient", edition.Intro, StringComparison.Ordinal);
        Assert.Equal(
            ["Facebook annule sa conférence F8", "Twitter teste les tweets éphémères", "Pinterest passe la barre des 335 millions d’utilisateurs"],
            edition.Stories.Select(s => s.Headline));
    }

    [Fact]
    public void Tags_line_sets_tags_and_topics_and_is_not_text()
    {
        var story = Fixture.Import("markdown/social-report-2020-03-13.md").Stories[0];

        Assert.Equal(["facebook", "événementiel", "coronavirus"], story.Tags);
        Assert.Equal(story.Tags, story.Topics);
        Assert.DoesNotContain("Tags", story.Text, StringComparison.Ordinal);
        Assert.StartsWith("Face à l’épidémie de coronavirus", story.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_become_sources_and_their_text_stays_in_the_story()
    {
        var stories = Fixture.Import("markdown/social-report-2020-03-13.md").Stories;

        Assert.Equal(
            [
                new Source("Le Monde", new Uri("https://www.lemonde.fr/pixels/article/2020/02/28/facebook-annule-f8.html")),
                new Source("BFM Business", new Uri("https://bfmbusiness.bfmtv.com/hightech/facebook-annule-f8")),
            ],
            stories[0].Sources);
        Assert.Contains("selon Le Monde.", stories[0].Text, StringComparison.Ordinal);
        Assert.Contains("BFM Business précise que", stories[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", stories[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", stories[0].Text, StringComparison.Ordinal);
        Assert.Equal(["Les Numériques", "Instagram"], stories[1].Sources.Select(s => s.Name));
        Assert.Equal([new Source("Les Echos", new Uri("https://www.lesechos.fr/tech-medias/pinterest-335-millions"))], stories[2].Sources);
    }

    [Fact]
    public void Lists_and_quotes_are_plain_paragraphs()
    {
        var story = Fixture.Import("markdown/social-report-2020-03-13.md").Stories[1];

        Assert.Equal(4, story.Paragraphs.Count());
        Assert.Contains("- les Fleets ne peuvent être ni aimés ni retweetés ;\n- ils s’affichent en haut du fil, comme les Stories d’Instagram.", story.Text, StringComparison.Ordinal);
        Assert.EndsWith("« Nous voulons que les gens se sentent à l’aise pour partager leurs pensées », explique Twitter.", story.Text, StringComparison.Ordinal);
        Assert.Equal(["twitter", "instagram"], story.Topics);
    }

    [Fact]
    public void English_edition_detects_its_language_and_reads_an_english_date()
    {
        var edition = Fixture.Import("markdown/social-brief-2021-06-04.md");

        Assert.Equal("The Social Brief", edition.Title);
        Assert.Equal(new DateOnly(2021, 6, 4), edition.Date);
        Assert.Equal("en", edition.Language);
        Assert.Null(edition.Url);
        Assert.Equal([new Author("Sarah Collins", null), new Author("Tom Baker", "Social Media Analyst")], edition.Authors);
        Assert.Equal(3, edition.Stories.Count);
        // A soft line break inside a paragraph is a space; an image is dropped.
        Assert.Equal(
            "After two years of tests, Instagram and Facebook will let every user choose whether to see like counts on posts, according to The Verge. Adam Mosseri said the change was meant to reduce pressure on young people.",
            edition.Stories[0].Text);
        Assert.Equal(["tiktok", "video"], edition.Stories[1].Tags);
        // "[Bloomberg reported](…)" cites Bloomberg; a relative link without the edition's address cites nothing.
        Assert.Equal([new Source("Bloomberg", new Uri("https://www.bloomberg.com/news/clubhouse-waitlist"))], edition.Stories[2].Sources);
        Assert.Empty(edition.Stories[2].Tags);
        Assert.Equal(["clubhouse"], edition.Stories[2].Topics);
    }

    [Fact]
    public void Without_front_matter_the_first_heading_gives_title_and_date()
    {
        var edition = Fixture.Import("markdown/social-report-2020-03-20-no-front-matter.md");

        Assert.Equal("Social Report", edition.Title);
        Assert.Equal(new DateOnly(2020, 3, 20), edition.Date);
        Assert.Equal("fr", edition.Language);
        Assert.Empty(edition.Authors);
        Assert.Equal("Le confinement fait exploser l'usage des messageries", edition.Stories.Single().Headline);
        Assert.Equal(["Le Parisien"], edition.Stories[0].Sources.Select(s => s.Name));
    }

    [Fact]
    public void Relative_links_point_to_the_edition_itself_and_cite_nothing()
    {
        var markdown = """
            ---
            title: Essai
            date: 2020-03-06
            url: https://www.example.com/editions/2020-03-06
            ---

            ## Une brève

            Voir [notre dossier](/dossiers/whatsapp) et [Numerama](https://www.numerama.com/tech/whatsapp.html).
            """u8.ToArray();

        var story = new EditionImporter().Import("essai.md", markdown).Stories.Single();

        Assert.Equal([new Source("Numerama", new Uri("https://www.numerama.com/tech/whatsapp.html"))], story.Sources);
        Assert.Equal("Voir notre dossier et Numerama.", story.Text);
    }
}
