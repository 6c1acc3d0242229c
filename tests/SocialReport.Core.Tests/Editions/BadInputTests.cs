using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Each bad file gives one clear error: the file, the line it concerns (0 for the whole file) and why.</summary>
public sealed class BadInputTests
{
    private static readonly EditionImporter Importer = new();

    private static EditionImportException Fails(string fileName, byte[] content, EditionFormat? format = null) =>
        Assert.Throws<EditionImportException>(() => Importer.Import(fileName, content, format));

    private static EditionImportException Fails(string fileName, string content) => Fails(fileName, Encoding.UTF8.GetBytes(content));

    private static void AssertError(EditionImportException error, string fileName, int line, string reason)
    {
        Assert.Equal(fileName, error.FileName);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal($"{fileName}:{line}: {error.Reason}", error.Message);
        Assert.DoesNotContain('\n', error.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \t \n")]
    [InlineData("\uFEFF")]
    public void Empty_file(string content) =>
        AssertError(Fails("edition.txt", content), "edition.txt", 0, "the file is empty");

    [Fact]
    public void Binary_file_names_the_line_of_the_first_control_byte()
    {
        AssertError(Fails("edition.txt", [.. "ligne 1\nligne 2\n"u8, 0x00, 0x01, 0x02]), "edition.txt", 3, "looks binary");
        AssertError(Fails("image.md", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00]), "image.md", 2, "looks binary");
    }

    [Fact]
    public void Neither_utf8_nor_windows_1252_names_the_line_of_the_first_bad_byte()
    {
        // 0x81 is no character in Windows-1252, and a lone 0xE9 is no UTF-8.
        byte[] content = [.. "Social Report - 6 mars 2020\n\nCette semaine\nle caf"u8, 0xE9, 0x81, .. " est servi\n"u8];
        AssertError(Fails("edition.txt", content), "edition.txt", 4, "not valid UTF-8 text, nor Windows-1252");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_as_binary() =>
        AssertError(Fails("edition.txt", [(byte)'S', 0x00, (byte)'R', 0x00]), "edition.txt", 1, "looks binary");

    [Fact]
    public void File_over_two_megabytes()
    {
        var content = Encoding.UTF8.GetBytes(new string('a', 2 * 1024 * 1024 + 1));
        AssertError(Fails("edition.txt", content), "edition.txt", 0, "too large");
    }

    [Fact]
    public void File_over_two_megabytes_is_refused_before_it_is_read()
    {
        using var directory = new TempDirectory();
        var path = directory.File("edition.txt");
        using (var file = File.Create(path))
        {
            // Zeros everywhere: reading the file would report a binary file, not its size.
            file.SetLength(3L * 1024 * 1024);
        }
        var error = Assert.Throws<EditionImportException>(() => Importer.ImportFile(path));
        AssertError(error, path, 0, "too large (3.0 MB");
    }

    [Fact]
    public void Missing_file() =>
        AssertError(Assert.Throws<EditionImportException>(() => Importer.ImportFile("/nonexistent/edition.md")), "/nonexistent/edition.md", 0, "does not exist");

    [Fact]
    public void Markdown_without_stories() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\n---\n\nJust an intro, and no story heading.\n\n### Not a story\n"), "edition.md", 0, "no stories found");

    [Fact]
    public void Front_matter_that_does_not_parse_names_the_file_line() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\nlanguage: fr: en\n---\n\n## Story\n\nText.\n"), "edition.md", 4, "front matter is not valid YAML");

    [Fact]
    public void Front_matter_without_its_closing_line() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\n\n## Story\n\nText.\n"), "edition.md", 1, "no closing '---'");

    [Fact]
    public void Front_matter_with_a_value_of_the_wrong_shape() =>
        AssertError(Fails("edition.md", "---\ntitle:\n  - a\n  - b\ndate: 2020-03-06\n---\n\n## Story\n\nText.\n"), "edition.md", 3, "'title' must be a single value");

    [Fact]
    public void Front_matter_with_an_unknown_language() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\nlanguage: de\n---\n\n## Story\n\nText.\n"), "edition.md", 4, "language \"de\" is not supported");

    /// <summary>An alias inside its own anchor, used as a key, made the YAML library hash forever and overflow the
    /// stack (a crash no handler catches); anchors and aliases are refused before any document is built.</summary>
    [Theory]
    [InlineData("? &a [*a]\n", 2, "the front matter uses an anchor (&a)")]
    [InlineData("title: Social Report\ndate: 2020-03-06\nauthors: *people\n", 4, "the front matter uses an alias (*people)")]
    [InlineData("title: &t Social Report\ndate: 2020-03-06\n", 2, "the front matter uses an anchor (&t)")]
    [InlineData("title: Social Report\ndate: 2020-03-06\nauthors:\n  - &ed {name: Ambre}\n  - *ed\n", 5, "the front matter uses an anchor (&ed)")]
    public void Front_matter_with_anchors_or_aliases(string yaml, int line, string reason) =>
        AssertError(Fails("edition.md", $"---\n{yaml}---\n\n## Story\n\nText.\n"), "edition.md", line, reason);

    [Theory]
    [InlineData("title: Social Report\n? [a, b]\n: c\n", 3)]
    [InlineData("title: Social Report\n{a: b}: c\n", 3)]
    [InlineData("title: Social Report\nauthors:\n  - ? {name: Ambre}\n    : editor\n", 4)]
    public void Front_matter_key_that_is_a_list_or_a_map(string yaml, int line) =>
        AssertError(Fails("edition.md", $"---\n{yaml}---\n\n## Story\n\nText.\n"), "edition.md", line, "a front matter key must be a word, not a list or a map");

    [Fact]
    public void Front_matter_nested_too_deeply() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\nauthors: [[[[[[[[[[Ambre]]]]]]]]]]\n---\n\n## Story\n\nText.\n"),
            "edition.md", 4, "the front matter is nested too deeply (over 8 levels)");

    [Fact]
    public void Front_matter_over_sixteen_kilobytes() =>
        AssertError(Fails("edition.md", $"---\ntitle: {new string('a', 16 * 1024)}\ndate: 2020-03-06\n---\n\n## Story\n\nText.\n"),
            "edition.md", 2, "the front matter is too long (over 16 KB)");

    [Fact]
    public void Front_matter_date_that_is_not_a_date() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: next friday\n---\n\n## Story\n\nText.\n"), "edition.md", 3, "\"next friday\" is not a date");

    [Theory]
    [InlineData("edition.md", "---\ntitle: Social Report\ndate: 2020-02-30\n---\n\n## Story\n\nText.\n", 3, "the date \"2020-02-30\" does not exist")]
    [InlineData("edition.md", "# Social Report - 31 février 2020\n\n## Story\n\nText.\n", 1, "the date \"31 février 2020\" does not exist")]
    [InlineData("edition.txt", "Social Report - 31 février 2020\n\nUne brève\n\nUn paragraphe assez long pour être un paragraphe.\n", 1, "the date \"31 février 2020\" does not exist")]
    [InlineData("edition.txt", "Social Report\n\nCette semaine, une intro assez longue pour être une intro.\n30 février 2020\nMaster\n\nUne brève\n\nUn paragraphe assez long pour être un paragraphe.\n", 4, "the date \"30 février 2020\" does not exist")]
    [InlineData("edition.html", "<html><head>\n<meta property=\"article:published_time\" content=\"2021-02-29T08:00:00Z\">\n</head><body><h1>Brief</h1><h2>Story</h2><p>Text.</p></body></html>", 2, "the date \"2021-02-29\" does not exist")]
    public void Date_that_does_not_exist(string fileName, string content, int line, string reason) =>
        AssertError(Fails(fileName, content), fileName, line, reason);

    [Theory]
    [InlineData("edition.txt", "Social Report\n\nUne brève sans date\n\nUn paragraphe assez long pour être un paragraphe, sans aucune date.\n")]
    [InlineData("edition.md", "---\ntitle: Social Report\n---\n\n## Story\n\nText.\n")]
    [InlineData("edition.html", "<html><body><h1>Brief</h1><h2>Story</h2><p>Text.</p></body></html>")]
    public void No_date_at_all(string fileName, string content) =>
        AssertError(Fails(fileName, content), fileName, 0, "no date found");

    [Theory]
    [InlineData("edition.md", "---\ndate: 2020-03-06\n---\n\n## Story\n\nText.\n")]
    [InlineData("edition.html", "<html><body><p>6 mars 2020</p><h2>Story</h2><p>Text.</p></body></html>")]
    [InlineData("edition.txt", "Je m'abonne\nPartager\n")]
    public void No_title(string fileName, string content) =>
        AssertError(Fails(fileName, content), fileName, 0, "no title found");

    [Fact]
    public void Text_without_any_story() =>
        AssertError(Fails("edition.txt", "Social Report - 6 mars 2020\n\nJuste une intro, sans aucune brève après elle.\n"), "edition.txt", 0, "no stories found");

    [Fact]
    public void Story_heading_without_text() =>
        AssertError(Fails("edition.md", "---\ntitle: Social Report\ndate: 2020-03-06\n---\n\n## Story\n\nText.\n\n## \n\nMore.\n"), "edition.md", 10, "has no text");
}
