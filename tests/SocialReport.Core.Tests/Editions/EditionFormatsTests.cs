using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class EditionFormatsTests
{
    [Theory]
    [InlineData("edition.md", "anything", EditionFormat.Markdown)]
    [InlineData("edition.MARKDOWN", "anything", EditionFormat.Markdown)]
    [InlineData("edition.txt", "## looks like markdown", EditionFormat.Text)]
    [InlineData("edition.html", "plain words", EditionFormat.Html)]
    [InlineData("edition.htm", "plain words", EditionFormat.Html)]
    [InlineData("edition", "---\ntitle: x\n---\n", EditionFormat.Markdown)]
    [InlineData("edition", "Intro\n\n## Story\n\nText", EditionFormat.Markdown)]
    [InlineData("edition.dat", "<!DOCTYPE html><html><body><h1>x</h1></body></html>", EditionFormat.Html)]
    [InlineData("edition", "<body><p>hello</p></body>", EditionFormat.Html)]
    [InlineData("edition", "Social Report - 6 mars 2020\n\nCette semaine...", EditionFormat.Text)]
    [InlineData("edition", "A < B and C > D", EditionFormat.Text)]
    public void Extension_first_then_content(string fileName, string text, EditionFormat expected) =>
        Assert.Equal(expected, EditionFormats.Detect(fileName, text));

    [Theory]
    [InlineData("markdown", EditionFormat.Markdown)]
    [InlineData("MD", EditionFormat.Markdown)]
    [InlineData("text", EditionFormat.Text)]
    [InlineData("html", EditionFormat.Html)]
    [InlineData("pdf", null)]
    public void Parses_the_command_line_names(string name, EditionFormat? expected) =>
        Assert.Equal(expected, EditionFormats.Parse(name));

    [Fact]
    public void The_format_argument_overrides_extension_and_content()
    {
        var markdown = "---\ntitle: Essai\ndate: 2020-03-06\n---\n\n## Une brève\n\nUn paragraphe de texte suffisamment long pour une brève.\n"u8.ToArray();
        var text = "Essai - 6 mars 2020\n\nUne brève\n\nUn paragraphe de texte suffisamment long pour une brève.\n"u8.ToArray();
        var importer = new EditionImporter();

        Assert.Equal("Une brève", importer.Import("edition.txt", markdown, EditionFormat.Markdown).Stories.Single().Headline);
        Assert.Throws<EditionImportException>(() => importer.Import("edition.md", text));
        Assert.Equal("Une brève", importer.Import("edition.md", text, EditionFormat.Text).Stories.Single().Headline);
    }
}
