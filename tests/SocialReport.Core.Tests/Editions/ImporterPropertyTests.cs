using System.Diagnostics;
using System.Text;
using CsCheck;
using SocialReport.Core.Editions;
using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Hostile and random input: the importers either give a well-formed edition or one clear import error.</summary>
public sealed class ImporterPropertyTests
{
    private static readonly Gen<string> Fragment = Gen.OneOf(
        "Le Monde", "leBlog du Modérateur", "rapporteLe Monde", "WhatsApp", "« ", " »", "\u00A0", "\u202F", "’", "\n", "\n\n", "\n\n\n",
        "## ", "# ", "---\n", "title: x\n", "date: 2020-02-30\n", "[lien](https://example.com/a)", "![img](x.png)", "<h2>", "</h2>",
        "<p>", "</p>", "<a href=\"/x\">", "</a>", "<script>", "&amp;", "&", "<", ">", "6 mars 2020", "31 février 2020", "lundi 31 mars",
        "Source : ", "© ", "Screenshot 2020-10-23 at 16.16.38.png", "Par ", "By ", "LIMOUSI", "Ambre", "Master", "Je m'abonne",
        "Un titre de brève", "Un long paragraphe qui raconte une histoire et se termine par un point.", "🙂", "👩‍👩‍👧", "\t", "Tags: a, b\n",
        "McDonald's", "ZuckerbergDes", " › ", "https://example.com", "1er", "23.10.20", ":", "?", "!", "…", "\"");

    private static readonly Gen<string> Document =
        Gen.OneOf<string>(Fragment, Gen.String).Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void Any_text_gives_an_edition_or_an_import_error()
    {
        var importer = new EditionImporter();
        Document.Check(text =>
        {
            foreach (var format in new[] { EditionFormat.Text, EditionFormat.Markdown, EditionFormat.Html })
            {
                try
                {
                    var edition = importer.Import("random", Encoding.UTF8.GetBytes(text), format);
                    Assert.NotEmpty(edition.Stories);
                    Assert.False(string.IsNullOrWhiteSpace(edition.Title));
                    Assert.Contains(edition.Language, new[] { "fr", "en" });
                    Assert.All(edition.Stories, (story, i) =>
                    {
                        Assert.Equal($"{edition.Id}/{i + 1}", story.Id);
                        Assert.DoesNotContain('\u00A0', story.Headline + story.Text);
                        Assert.InRange(story.Topics.Count, 0, TopicExtractor.MaxTopics);
                    });
                    Assert.Equivalent(edition, EditionJson.Deserialize(EditionJson.Serialize(edition)), strict: true);
                }
                catch (EditionImportException error)
                {
                    Assert.Equal("random", error.FileName);
                    Assert.True(error.Line >= 0);
                    Assert.DoesNotContain('\n', error.Reason);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Repairing_glued_words_only_ever_adds_spaces()
    {
        Document.Check(text =>
        {
            var line = PlainText.Normalize(text.Replace('\n', ' '));
            var repaired = GluedWords.Repair(line, OutletCatalog.Default);
            Assert.Equal(line.Replace(" ", "", StringComparison.Ordinal), repaired.Replace(" ", "", StringComparison.Ordinal));
        }, iter: 1000);
    }

    [Fact]
    public void Huge_paragraphs_and_long_lines_import_quickly()
    {
        var word = "mot ";
        var paragraph = string.Concat(Enumerable.Repeat("Une phrase assez longue sur WhatsApp et Le Monde, avec « guillemets » et l’apostrophe. ", 250));
        var crumbs = string.Join(" › ", Enumerable.Repeat(new string('a', 50), 400));
        var text = $"Social Report - 6 mars 2020\n\n{crumbs}\n\nUn titre de brève\n\n{paragraph}\n\n{string.Concat(Enumerable.Repeat(word, 5000))}\n";
        var clock = Stopwatch.StartNew();

        var edition = new EditionImporter().Import("big.txt", Encoding.UTF8.GetBytes(text));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("Un titre de brève", edition.Stories.Single().Headline);
        Assert.Equal(["Le Monde"], edition.Stories[0].Sources.Select(s => s.Name));
    }
}
