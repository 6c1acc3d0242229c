using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>A missing date is asked for: given, else the text, else the file name, else the page's metadata.</summary>
public sealed class DateSourceTests
{
    private const string Undated = "Veille sociale\n\nUne intro sans aucune date, assez longue pour en être une.\n\nTikTok lance une boutique\n\nTikTok ouvre sa boutique en France, selon Le Monde.\n";

    private static Edition Import(string fileName, string content, DateOnly? date = null) =>
        new EditionImporter().Import(fileName, Encoding.UTF8.GetBytes(content), new EditionHints { Date = date });

    [Fact]
    public void Without_any_date_the_import_asks_for_one_by_naming_the_option()
    {
        var error = Assert.Throws<EditionImportException>(() => Import("veille.txt", Undated));

        Assert.True(error.DateMissing);
        Assert.Contains("--date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_date_imports_it_and_says_so()
    {
        var edition = Import("veille.txt", Undated, new DateOnly(2020, 3, 13));

        Assert.Equal(new DateOnly(2020, 3, 13), edition.Date);
        Assert.Equal("2020-03-13", edition.Id);
        Assert.Equal(DateSource.Given, edition.DateSource);
        Assert.Contains("\"dateSource\": \"given\"", EditionJson.Serialize(edition), StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_date_wins_over_the_stated_one()
    {
        var edition = Import("veille.txt", "Veille du 6 mars 2020\n\nTikTok lance une boutique\n\nTikTok ouvre sa boutique en France, selon Le Monde.\n", new DateOnly(2020, 3, 13));

        Assert.Equal((new DateOnly(2020, 3, 13), DateSource.Given), (edition.Date, edition.DateSource));
    }

    [Fact]
    public void The_stated_date_wins_over_the_file_name()
    {
        var edition = Import("veille-2021-01-01.txt", "Veille du 6 mars 2020\n\nTikTok lance une boutique\n\nTikTok ouvre sa boutique en France, selon Le Monde.\n");

        Assert.Equal((new DateOnly(2020, 3, 6), DateSource.Text), (edition.Date, edition.DateSource));
    }

    [Theory]
    [InlineData("veille-2020-03-13.txt", 2020, 3, 13)]
    [InlineData("veille_13-03-2020.txt", 2020, 3, 13)]
    [InlineData("roundup-03-27-2020.txt", 2020, 3, 27)]
    [InlineData("Revue 13.03.2020.txt", 2020, 3, 13)]
    [InlineData("social-media-news-october-1-2018.txt", 2018, 10, 1)]
    [InlineData("revue-du-6-mars-2020.txt", 2020, 3, 6)]
    [InlineData("veille-20200313.txt", 2020, 3, 13)]
    public void The_file_name_gives_the_date_when_the_text_has_none(string fileName, int year, int month, int day)
    {
        var edition = Import(fileName, Undated);

        Assert.Equal((new DateOnly(year, month, day), DateSource.FileName), (edition.Date, edition.DateSource));
    }

    [Theory]
    [InlineData("veille-2020-13-45.txt")]
    [InlineData("veille-42.txt")]
    public void A_file_name_without_a_real_date_gives_none(string fileName) =>
        Assert.True(Assert.Throws<EditionImportException>(() => Import(fileName, Undated)).DateMissing);

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2020-03-13T08:00:00+01:00\">", "")]
    [InlineData("", "<time datetime=\"2020-03-13\"></time>")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2020-03-13T07:00:00Z\"}</script>", "")]
    public void A_page_without_a_date_in_its_words_takes_the_one_its_markup_gives(string head, string body)
    {
        var html = $"<html><head>{head}</head><body><h1>Veille sociale</h1>{body}<h2>TikTok lance une boutique</h2><p>TikTok ouvre sa boutique en France.</p></body></html>";

        var edition = Import("page.html", html);

        Assert.Equal((new DateOnly(2020, 3, 13), DateSource.Metadata), (edition.Date, edition.DateSource));
    }

    [Fact]
    public void The_file_name_wins_over_the_markup()
    {
        var html = "<html><head><meta property=\"article:published_time\" content=\"2021-01-01\"></head><body><h1>Veille</h1><h2>TikTok lance une boutique</h2><p>TikTok ouvre sa boutique.</p></body></html>";

        Assert.Equal(DateSource.FileName, Import("veille-2020-03-13.html", html).DateSource);
    }

    [Fact]
    public void Editions_stored_before_the_date_source_was_kept_read_as_dated_by_their_text()
    {
        var json = EditionJson.Serialize(Import("veille.txt", Undated, new DateOnly(2020, 3, 13))).Replace("\"dateSource\": \"given\",", "", StringComparison.Ordinal);

        Assert.Equal(DateSource.Text, EditionJson.Deserialize(json).DateSource);
    }
}
