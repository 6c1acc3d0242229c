using System.Text.Json;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class EditionJsonTests
{
    public static TheoryData<string> Fixtures =>
    [
        "social-report-2020-03-06.txt",
        "text/emarketing-actu-medias-reseaux-sociaux.txt",
        "text/social-brief-2021-06-04.txt",
        "markdown/social-report-2020-03-13.md",
        "markdown/social-brief-2021-06-04.md",
        "html/social-report-2020-03-27.html",
    ];

    [Fact]
    public void Writes_exactly_the_contract_properties()
    {
        using var json = JsonDocument.Parse(EditionJson.Serialize(Fixture.Import("social-report-2020-03-06.txt")));
        var root = json.RootElement;

        Assert.Equal(["id", "title", "date", "dateSource", "language", "url", "authors", "intro", "stories"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2020-03-06", root.GetProperty("id").GetString());
        Assert.Equal("text", root.GetProperty("dateSource").GetString());
        Assert.Equal("2020-03-06", root.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("url").ValueKind);
        var author = root.GetProperty("authors")[2];
        Assert.Equal(["name", "role"], author.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, author.GetProperty("role").ValueKind);
        var story = root.GetProperty("stories")[1];
        Assert.Equal(["id", "headline", "text", "sources", "topics", "tags"], story.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2020-03-06/2", story.GetProperty("id").GetString());
        var source = story.GetProperty("sources")[0];
        Assert.Equal(["name", "url"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, source.GetProperty("url").ValueKind);
    }

    [Fact]
    public void Writes_non_ascii_text_as_is()
    {
        var json = EditionJson.Serialize(Fixture.Import("social-report-2020-03-06.txt"));

        Assert.Contains("\"name\": \"Gwenaëlle Lepeltier\"", json, StringComparison.Ordinal);
        Assert.Contains("d’utilisateurs", json, StringComparison.Ordinal);
        Assert.Contains("« Ce chiffrement", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Emoji_and_backslashes_survive_as_written()
    {
        var edition = new Edition
        {
            Id = "2020-03-06",
            Title = "Réseaux 🙂 <b> & \"quotes\" \\uD83D",
            Date = new DateOnly(2020, 3, 6),
            Language = "fr",
            Stories = [new Story { Id = "2020-03-06/1", Headline = "👩‍👩‍👧 C:\\temp", Text = "ligne\n\ntab\t" }],
        };

        var json = EditionJson.Serialize(edition, indented: false);

        Assert.Contains("Réseaux 🙂 <b> & \\\"quotes\\\" \\\\uD83D", json, StringComparison.Ordinal);
        Assert.Contains("👩‍👩‍👧 C:\\\\temp", json, StringComparison.Ordinal);
        Assert.Equivalent(edition, EditionJson.Deserialize(json), strict: true);
    }

    [Fact]
    public void Compact_form_is_one_line()
    {
        var edition = Fixture.Import("markdown/social-report-2020-03-13.md");
        var compact = EditionJson.Serialize(edition, indented: false);

        Assert.DoesNotContain('\n', compact.Replace("\\n", "", StringComparison.Ordinal));
        Assert.Contains("\"url\":\"https://www.example.com/social-report/2020-03-13\"", compact, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"facebook\",\"événementiel\",\"coronavirus\"]", compact, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Round_trip_gives_an_equal_edition(string name)
    {
        var edition = Fixture.Import(name);

        var json = EditionJson.Serialize(edition);
        var back = EditionJson.Deserialize(json);

        Assert.Equivalent(edition, back, strict: true);
        Assert.Equal(edition.Stories.Select(s => s.Sources), back.Stories.Select(s => s.Sources));
        Assert.Equal(json, EditionJson.Serialize(back));
    }

    [Fact]
    public void Rejects_json_missing_required_fields() =>
        Assert.ThrowsAny<JsonException>(() => EditionJson.Deserialize("""{"id":"2020-03-06","title":"x"}"""));
}
