using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>import --explain: what each line of a text export (each block of Markdown, each element of HTML) became, and why;
/// a refused file still shows its lines.</summary>
public sealed class ExplainTests
{
    private static ImportExplanation Explain(string name, DateOnly? date = null) =>
        new EditionImporter().Explain(Fixture.PathOf(name), new EditionHints { Date = date });

    private static LineNote At(ImportExplanation explanation, int line) => explanation.Lines.Single(n => n.Line == line);

    [Fact]
    public void Each_line_says_what_it_became()
    {
        var explanation = Explain("corpus/falcon-5-social-media-news-stories.txt");

        Assert.Null(explanation.Error);
        Assert.Equal(4, explanation.Edition!.Stories.Count);
        Assert.Equal("address", At(explanation, 1).Role);
        Assert.Equal("title", At(explanation, 2).Role);
        Assert.Equal(("byline", "Laura Daddiego"), (At(explanation, 5).Role, At(explanation, 5).Text));
        Assert.Equal("date", At(explanation, 6).Role);
        Assert.Equal("intro", At(explanation, 8).Role);
        Assert.Equal(("headline", "story 1: a short line followed by its text"), (At(explanation, 10).Role, At(explanation, 10).Why));
        Assert.Equal(("body", "text of story 1"), (At(explanation, 12).Role, At(explanation, 12).Why));
        Assert.DoesNotContain(explanation.Lines, n => n.Text.Length == 0);
    }

    [Fact]
    public void Dropped_chrome_says_why()
    {
        var explanation = Explain("corpus/teamlewis-this-week-in-social-cleaning-up.txt");

        Assert.Equal(("dropped", "button, link or page furniture"), (At(explanation, 2).Role, At(explanation, 2).Why));
        Assert.Equal(("dropped", "category, tag list or section label"), (At(explanation, 12).Role, At(explanation, 12).Why));
        Assert.Equal("byline", At(explanation, 5).Role);
    }

    [Fact]
    public void A_file_without_a_date_shows_its_lines_and_the_reason()
    {
        var explanation = Explain("corpus/meltwater-social-media-news.txt");

        Assert.Null(explanation.Edition);
        Assert.Contains("--date", explanation.Error, StringComparison.Ordinal);
        Assert.Contains(explanation.Lines, n => n.Role == "headline" && n.Text == "1. Twitter Crop Gets Cut Out");
        Assert.Contains(explanation.Lines, n => n.Role == "dropped" && n.Text == "3. Clubhouse" && n.Why.Contains("cut before its text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_related_link_between_stories_is_said_to_be_one()
    {
        var explanation = Explain("corpus/blogdumoderateur-10-infos-social-media-mai-2022.txt", new DateOnly(2022, 5, 31));

        Assert.Contains(explanation.Lines, n => n.Role == "dropped" && n.Text.StartsWith("Instagram modifie son identité visuelle", StringComparison.Ordinal)
            && n.Why.Contains("link to another article", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_is_explained_block_by_block()
    {
        var explanation = Explain("markdown/social-report-2020-03-13.md");

        Assert.NotNull(explanation.Edition);
        Assert.Equal("front", At(explanation, 1).Role);
        Assert.Equal(("intro", "a paragraph before the first '## ' heading"), (At(explanation, 14).Role, At(explanation, 14).Why));
        Assert.Equal(("headline", "story 1: a '## ' heading"), (At(explanation, 18).Role, At(explanation, 18).Why));
        Assert.Equal("tags", At(explanation, 19).Role);
        Assert.Equal(("body", "text of story 1"), (At(explanation, 21).Role, At(explanation, 21).Why));
        Assert.Equal(("headline", "story 2: a '## ' heading"), (At(explanation, 25).Role, At(explanation, 25).Why));
        Assert.Equal(explanation.Edition.Stories.Count, explanation.Lines.Count(n => n.Role == "headline"));
    }

    [Fact]
    public void Html_is_explained_element_by_element_with_the_chrome_it_dropped()
    {
        var explanation = Explain("html/social-report-2020-03-27.html");

        Assert.NotNull(explanation.Edition);
        Assert.Equal(explanation.Lines.OrderBy(n => n.Line).Select(n => n.Line), explanation.Lines.Select(n => n.Line));
        Assert.Equal("title", At(explanation, 19).Role);
        Assert.Equal("intro", At(explanation, 21).Role);
        Assert.Equal(("headline", "story 1: an <h2> heading"), (At(explanation, 27).Role, At(explanation, 27).Why));
        Assert.Equal(("headline", "story 2: an <h2> heading"), (At(explanation, 36).Role, At(explanation, 36).Why));
        Assert.Equal(("body", "text of story 1"), (At(explanation, 32).Role, At(explanation, 32).Why));
        Assert.Equal("source", At(explanation, 42).Role);
        Assert.Contains(explanation.Lines, n => n.Line == 13 && n.Role == "dropped" && n.Why.StartsWith("<header>", StringComparison.Ordinal));
        Assert.Contains(explanation.Lines, n => n.Line == 34 && n.Role == "dropped" && n.Why.StartsWith("<aside>", StringComparison.Ordinal));
        Assert.Contains(explanation.Lines, n => n.Line == 28 && n.Role == "dropped" && n.Why.StartsWith("<figure>", StringComparison.Ordinal));
        Assert.Contains(explanation.Lines, n => n.Line == 45 && n.Role == "dropped" && n.Why.StartsWith("<footer>", StringComparison.Ordinal));
        // The <nav> inside the <header> went with the header: one note for the pair; scripts and styles were never text.
        Assert.DoesNotContain(explanation.Lines, n => n.Why.StartsWith("<nav>", StringComparison.Ordinal));
        Assert.DoesNotContain(explanation.Lines, n => n.Why.StartsWith("<script>", StringComparison.Ordinal) || n.Why.StartsWith("<style>", StringComparison.Ordinal));
        Assert.DoesNotContain(explanation.Lines, n => n.Role == "body" && n.Text.Contains("Partager", StringComparison.Ordinal) && !n.Text.Contains("Zuckerberg", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_explained_by_its_reason()
    {
        Assert.NotNull(new EditionImporter().Explain("/nowhere/edition.txt", EditionHints.None).Error);
    }
}
