using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Hand-written pages, one per kind of site chrome and headline prefix: chrome is never a story nor story
/// text, and nothing is made up when a line is unclear.</summary>
public sealed class ChromeKindsTests
{
    private const string Body = "Le réseau social ouvre sa boutique en France et vise les marques, rapporte Le Monde.";

    private static Edition Import(string text, string fileName = "veille-2020-03-13.txt") =>
        new EditionImporter().Import(fileName, Encoding.UTF8.GetBytes(text));

    private static IEnumerable<string> Headlines(string text) => Import(text).Stories.Select(s => s.Headline);

    [Fact]
    public void An_author_name_above_the_date_line_is_the_byline()
    {
        var edition = Import($"Veille sociale\n\nLaura Daddiego\nOctober 9, 2018 - 5 min. read\n\nTikTok lance une boutique\n\n{Body}\n");

        Assert.Equal(["TikTok lance une boutique"], edition.Stories.Select(s => s.Headline));
        Assert.Equal([new Author("Laura Daddiego", null)], edition.Authors);
        Assert.Equal(new DateOnly(2018, 10, 9), edition.Date);
    }

    [Fact]
    public void Tag_lists_category_labels_and_emoji_section_labels_are_dropped()
    {
        var text = $"Réseaux Sociaux\n\nRéseaux sociaux : les infos de la semaine\n\nfacebook, instagram, social, Social Media, This Week in Social\n\n🚨 Breaking News\n\nTikTok lance une boutique\n\n{Body}\n";
        var edition = Import(text);

        Assert.Equal("Réseaux sociaux : les infos de la semaine", edition.Title);
        Assert.Equal(["TikTok lance une boutique"], edition.Stories.Select(s => s.Headline));
        Assert.DoesNotContain("facebook, instagram", edition.Intro + edition.Stories[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Logos_skip_links_reading_times_and_image_names_are_dropped()
    {
        var text = $"Skip to main content\nLogo Exemple Media - l'actualité du marketing.\nVeille sociale\n\n7 min de lecture\nDSC030432-w640\n\nTikTok lance une boutique\n\n{Body}\n";
        var edition = Import(text);

        Assert.Equal("Veille sociale", edition.Title);
        Assert.Equal(["TikTok lance une boutique"], edition.Stories.Select(s => s.Headline));
        Assert.Equal(Body, edition.Stories[0].Text);
    }

    [Fact]
    public void An_embedded_post_is_neither_text_nor_the_date()
    {
        var text = $"Veille sociale\n\nTikTok lance une boutique\n\n{Body}\njust setting up my twttr\n— jack (@jack) March 21, 2006\n";

        Assert.Equal(Body, Import(text).Stories[0].Text);
        Assert.True(Assert.Throws<EditionImportException>(() => Import(text, "veille.txt")).DateMissing);
    }

    [Fact]
    public void Read_more_after_a_paragraph_and_a_related_link_between_stories_are_dropped()
    {
        var text = $"Veille sociale\n\nTikTok lance une boutique\n\n{Body} Read more.\n\nInstagram modifie son identité visuelle : voici les nouvelles couleurs\n\nSnapchat teste un abonnement\n\n{Body}\n";
        var edition = Import(text);

        Assert.Equal(["TikTok lance une boutique", "Snapchat teste un abonnement"], edition.Stories.Select(s => s.Headline));
        Assert.Equal(Body, edition.Stories[0].Text);
    }

    [Fact]
    public void A_banner_that_repeats_the_title_is_no_story()
    {
        var text = $"Social Media News Roundup\n\nSocial Media News for January 2018\n\nA lot has been going on in the world of social media this month.\n\nTikTok opens a shop\n\nTikTok opens its shop in France, according to Le Monde.\n";

        Assert.Equal(["TikTok opens a shop"], Headlines(text));
    }

    [Theory]
    [InlineData("1. TikTok lance une boutique")]
    [InlineData("2) TikTok lance une boutique")]
    [InlineData("#3 TikTok lance une boutique")]
    [InlineData("1- TikTok lance une boutique")]
    [InlineData("19/06 – TikTok lance une boutique")]
    [InlineData("10h30 - TikTok lance une boutique")]
    [InlineData("[Vidéo] TikTok lance une boutique")]
    [InlineData("19/06 – [Vidéo] TikTok lance une boutique")]
    [InlineData("4. TikTok lance une boutique.")]
    public void A_headline_loses_its_number_date_time_or_label(string headline) =>
        Assert.Equal(["TikTok lance une boutique"], Headlines($"Veille sociale\n\n{headline}\n\n{Body}\n"));

    [Theory]
    [InlineData("TikTok lance une boutique via Mashable", "Mashable")]
    [InlineData("TikTok lance une boutique (lefigaro.fr – 3 avril)", "Le Figaro")]
    [InlineData("TikTok lance une boutique (Le Monde)", "Le Monde")]
    public void An_outlet_after_the_headline_becomes_its_source(string headline, string outlet)
    {
        var story = Import($"Veille sociale\n\n{headline}\n\nLe réseau social ouvre sa boutique en France et vise les marques.\n").Stories.Single();

        Assert.Equal("TikTok lance une boutique", story.Headline);
        Assert.Equal(outlet, story.Sources[0].Name);
    }

    [Fact]
    public void Parentheses_that_name_no_outlet_stay_in_the_headline() =>
        Assert.Equal(["TikTok for sale (Trumperie)"], Headlines($"Veille sociale\n\n2. TikTok for sale (Trumperie)\n\n{Body}\n"));

    [Fact]
    public void Headlines_run_into_their_text_are_split_when_the_page_does_it_throughout()
    {
        var text = "Veille sociale\n\nTwitter hiring people for a subscription platform – Twitter appears to be working on a subscription platform.\n\nPinterest shares a new guide to Pin marketing – Pinterest has published its advertising guide for the year.\n";

        Assert.Equal(["Twitter hiring people for a subscription platform", "Pinterest shares a new guide to Pin marketing"], Headlines(text));
        Assert.Throws<EditionImportException>(() => Import("Veille sociale\n\nUne seule ligne – Avec un tiret au milieu, qui ne fait pas une revue.\n"));
    }

    [Fact]
    public void A_story_cut_short_at_the_end_of_a_copy_is_still_a_story() =>
        Assert.Equal(["TikTok lance une boutique", "Snapchat teste un abonnement"],
            Headlines($"Veille sociale\n\nTikTok lance une boutique\n\n{Body}\n\nSnapchat teste un abonnement\n\nLe réseau social teste un abonnement payant pour ses utilisateurs les plus fidèles et"));

    [Fact]
    public void Paragraphs_without_headlines_make_no_story_up()
    {
        var error = Assert.Throws<EditionImportException>(() => Import($"Veille sociale\n\n{Body}\n\n{Body}\n\n{Body}\n"));

        Assert.Contains("no stories found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_opens_on_a_story_takes_its_title_from_its_address()
    {
        var text = $"https://www.example.com/magazine/this-week-in-social-cleaning-up/\nCommunity Spirit\n\nFacebook CEO Mark Zuckerberg has announced that the purpose of Facebook is now to promote togetherness, and wants users to engage more through video.\n\nMargin of Error\n\n{Body}\n";
        var edition = Import(text);

        Assert.Equal("This week in social cleaning up", edition.Title);
        Assert.Equal(["Community Spirit", "Margin of Error"], edition.Stories.Select(s => s.Headline));
    }
}
