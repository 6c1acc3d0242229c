using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Files built to exhaust the importer (anyone can send one to the web preview): each imports or fails with
/// one clear error. The guard is generous because the suite shares two cores; a quadratic path takes minutes on
/// these 2 MB files and still trips it, and a stack overflow ends the run.</summary>
public sealed class HostileInputTests
{
    private const int Budget = 2 * 1024 * 1024 - 16 * 1024;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly EditionImporter Importer = new();

    private const string TextHead = "Social Report - 6 mars 2020\n\nUne brève ici\n\nUn paragraphe assez long pour être un paragraphe ";
    private const string MarkdownHead = "---\ntitle: Social Report\ndate: 2020-03-06\n---\n\n## Une brève\n\n";
    private const string HtmlHead = "<html><body><h1>Social Report - 6 mars 2020</h1><h2>Une brève</h2>";

    /// <summary>The import error, or null when the file imported.</summary>
    private static async Task<EditionImportException?> ImportAsync(string fileName, string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        Assert.InRange(content.Length, 0, 2 * 1024 * 1024);
        return await Task.Run(() =>
        {
            try
            {
                Importer.Import(fileName, content);
                return null;
            }
            catch (EditionImportException error)
            {
                return error;
            }
        }).WaitAsync(Guard);
    }

    /// <summary><paramref name="unit"/> repeated between a head and a tail, to just under 2 MB.</summary>
    private static string Fill(string head, string unit, string tail = "")
    {
        var room = Budget - Encoding.UTF8.GetByteCount(head + tail);
        return new StringBuilder(head).Insert(head.Length, unit, room / Encoding.UTF8.GetByteCount(unit)).Append(tail).ToString();
    }

    /// <summary>One line per made-up name ("a", "b", … "ba", "bb", …), each name different.</summary>
    private static string Names(int count, Func<string, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var name = "";
            for (var n = i; n > 0 || name.Length == 0; n /= 26)
            {
                name = (char)('a' + n % 26) + name;
            }
            text.Append(line(name));
        }
        return text.ToString();
    }

    private static void AssertClear(EditionImportException? error, string fileName)
    {
        if (error is not null)
        {
            Assert.Equal(fileName, error.FileName);
            Assert.DoesNotContain('\n', error.Reason);
        }
    }

    private static void AssertTooDeep(EditionImportException? error, string fileName)
    {
        Assert.NotNull(error);
        Assert.Equal(fileName, error.FileName);
        Assert.Contains("nested too deeply", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edition.txt", "Social Report - 6 mars 2020\n\n", " ", "")]
    [InlineData("edition.md", MarkdownHead, " ", "\n")]
    [InlineData("edition.html", HtmlHead + "<p>", " ", "</p></body></html>")]
    public async Task Two_megabytes_of_one_outlet_name(string fileName, string head, string separator, string tail) =>
        AssertClear(await ImportAsync(fileName, Fill(head, "Wired" + separator, tail)), fileName);

    [Fact]
    public async Task A_story_of_one_outlet_name_over_and_over() =>
        AssertClear(await ImportAsync("edition.txt", Fill(TextHead, "Wired ", ".\n")), "edition.txt");

    [Fact]
    public async Task An_outlet_name_glued_to_itself() =>
        AssertClear(await ImportAsync("edition.txt", Fill(TextHead, "xWired", ".\n")), "edition.txt");

    [Fact]
    public async Task A_word_of_two_megabytes_changing_case_at_every_letter() =>
        AssertClear(await ImportAsync("edition.txt", Fill(TextHead, "aB", ".\n")), "edition.txt");

    [Fact]
    public async Task A_date_of_a_million_spaces_in_the_front_matter()
    {
        var error = await ImportAsync("edition.md", "---\ntitle: Social Report\ndate: lundi" + new string(' ', 1_000_000) + "6 mars 2020\n---\n\n## Une brève\n\nUn texte.\n");

        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Contains("front matter is too long", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lundi", "6 mars 2020")]
    [InlineData("Monday", "March 6, 2020")]
    [InlineData("6 mars", "et la suite")]
    public async Task A_date_of_a_million_spaces_in_a_page(string before, string after) =>
        AssertClear(await ImportAsync("edition.html",
            $"<html><head><meta name=\"date\" content=\"{before}{new string(' ', 1_000_000)}{after}\"></head><body><h1>Social Report</h1><h2>Une brève</h2><p>Un texte.</p></body></html>"), "edition.html");

    [Fact]
    public async Task A_date_of_half_a_million_wide_spaces_in_a_text_export() =>
        AssertClear(await ImportAsync("edition.txt", "Social Report - lundi" + new string('\u2002', 600_000) + "6 mars 2020\n\nUne brève ici\n\nUn paragraphe assez long pour être un paragraphe.\n"), "edition.txt");

    [Fact]
    public async Task A_paragraph_hard_wrapped_into_a_hundred_thousand_lines() =>
        AssertClear(await ImportAsync("edition.txt", Fill(TextHead + "\n", "assez long pour\n")), "edition.txt");

    [Fact]
    public async Task Thirty_thousand_stories() =>
        AssertClear(await ImportAsync("edition.txt", Fill("Social Report - 6 mars 2020\n\n", "Une brève ici\n\nUn paragraphe assez long pour être un paragraphe.\n\n")), "edition.txt");

    [Fact]
    public async Task A_hundred_thousand_bylines_naming_different_people() =>
        AssertClear(await ImportAsync("edition.txt", "Social Report - 6 mars 2020\n\n" + Names(110_000, name => $"Par Jean D{name}\n")), "edition.txt");

    [Fact]
    public async Task A_story_naming_a_hundred_thousand_different_people() =>
        AssertClear(await ImportAsync("edition.txt", TextHead + Names(160_000, name => $"Jean D{name}. ") + "\n"), "edition.txt");

    [Fact]
    public async Task A_story_followed_by_a_hundred_thousand_names() =>
        AssertClear(await ImportAsync("edition.txt", Fill(TextHead + ".\n\n", "Jean Dupont\n\n")), "edition.txt");

    [Fact]
    public async Task A_table_of_sixty_thousand_rows() =>
        AssertClear(await ImportAsync("edition.html", Fill(HtmlHead + "<table>", "<tr><td>Le Monde</td><td>Wired</td></tr>", "</table></body></html>")), "edition.html");

    [Fact]
    public async Task A_hundred_thousand_nested_quotes() =>
        AssertTooDeep(await ImportAsync("edition.md", MarkdownHead + new string('>', 100_000) + " Un texte.\n"), "edition.md");

    [Fact]
    public async Task A_line_of_a_million_list_markers() =>
        AssertTooDeep(await ImportAsync("edition.md", Fill(MarkdownHead, "- ", "Un texte.\n")), "edition.md");

    [Fact]
    public async Task Lists_indented_two_hundred_levels_deep() =>
        AssertTooDeep(await ImportAsync("edition.md", MarkdownHead + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- Un point\n"))), "edition.md");

    [Fact]
    public async Task Emphasis_half_a_million_levels_deep() =>
        AssertTooDeep(await ImportAsync("edition.md", MarkdownHead + new string('*', 500_000) + "Un texte." + new string('*', 500_000) + "\n"), "edition.md");

    [Fact]
    public async Task Links_inside_links_a_hundred_thousand_deep() =>
        AssertTooDeep(await ImportAsync("edition.md", MarkdownHead + new string('[', 100_000) + "Un texte" + string.Concat(Enumerable.Repeat("](https://example.com)", 60_000)) + "\n"), "edition.md");

    [Theory]
    [InlineData("<div>", "")]
    [InlineData("<div>", "</div>")]
    [InlineData("<b>", "")]
    [InlineData("<table><tr><td>", "")]
    [InlineData("<span>", "")]
    public async Task Elements_nested_hundreds_of_thousands_deep(string open, string close)
    {
        var depth = (Budget - 200) / (open.Length + close.Length);
        var page = HtmlHead + string.Concat(Enumerable.Repeat(open, depth)) + "Un texte." + string.Concat(Enumerable.Repeat(close, depth));

        AssertTooDeep(await ImportAsync("edition.html", page), "edition.html");
    }

    [Fact]
    public async Task Nesting_within_the_bounds_still_imports()
    {
        var quotes = MarkdownHead + "> > > > Un texte cité sur quatre niveaux.\n";
        var divs = HtmlHead + string.Concat(Enumerable.Repeat("<div>", 100)) + "<p>Un texte dans cent blocs.</p>" + string.Concat(Enumerable.Repeat("</div>", 100)) + "</body></html>";

        Assert.Null(await ImportAsync("edition.md", quotes));
        Assert.Null(await ImportAsync("edition.html", divs));
    }
}
