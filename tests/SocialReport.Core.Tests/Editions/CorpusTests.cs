using System.Globalization;
using System.Text.Json;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>Real press reviews as the web gives them (Fixtures/corpus, with the shared samples and the seed), scored
/// against the headlines a reader sees (Fixtures/corpus/answers.json, written by hand).</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>What an editor would type for a page that states no date.</summary>
    private static readonly DateOnly GivenDate = new(2026, 1, 9);

    private sealed record Answer(DateOnly? Date, IReadOnlyList<string> Headlines);

    private static readonly Dictionary<string, Answer> Answers = LoadAnswers();

    public static TheoryData<string> Files => [.. Answers.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_gives_the_headlines_of_its_answer_key(string name)
    {
        var answer = Answers[name];
        var edition = Import(name, answer);

        Assert.Equal(answer.Headlines.Select(Comparable), edition.Stories.Select(s => Comparable(s.Headline)));
        Assert.All(edition.Stories, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_stated_date_is_found_and_no_date_is_made_up(string name)
    {
        var answer = Answers[name];
        if (answer.Date is { } date)
        {
            Assert.Equal(date, Fixture.Import(Path.Combine("corpus", name)).Date);
            return;
        }
        var error = Assert.Throws<EditionImportException>(() => Fixture.Import(Path.Combine("corpus", name)));
        Assert.True(error.DateMissing, error.Message);
        Assert.Contains("--date", error.Message, StringComparison.Ordinal);
        Assert.Equal(DateSource.Given, Import(name, answer).DateSource);
    }

    [Fact]
    public void Headline_f1_is_at_least_095_overall_and_08_on_every_file()
    {
        var (found, expected, right) = (0, 0, 0);
        foreach (var (name, answer) in Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var headlines = Import(name, answer).Stories.Select(s => Comparable(s.Headline)).ToList();
            var wanted = answer.Headlines.Select(Comparable).ToList();
            var hits = headlines.Count(wanted.Contains);
            (found, expected, right) = (found + headlines.Count, expected + wanted.Count, right + hits);
            var f1 = F1(hits, headlines.Count, wanted.Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f1:0.00}  {hits}/{wanted.Count} expected, {headlines.Count} found  {name}"));
            Assert.True(f1 >= 0.8, $"{name}: F1 {f1:0.00}");
        }
        var overall = F1(right, found, expected);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall F1 {overall:0.000}: {right} right of {found} found, {expected} expected"));
        Assert.True(overall >= 0.95, $"overall F1 {overall:0.000}");
    }

    private static Edition Import(string name, Answer answer) =>
        new EditionImporter(OutletCatalog.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)))
            .ImportFile(Fixture.PathOf(Path.Combine("corpus", name)), new EditionHints { Date = answer.Date is null ? GivenDate : null });

    private static double F1(int right, int found, int expected) =>
        right == 0 ? (found == 0 && expected == 0 ? 1 : 0) : 2.0 * right / (found + expected);

    /// <summary>Case, accents, apostrophes and a final period do not make another headline.</summary>
    private static string Comparable(string headline) => TextFolding.Key(headline).TrimEnd('.', ' ');

    private static Dictionary<string, Answer> LoadAnswers()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf(Path.Combine("corpus", "answers.json"))));
        return json.RootElement.EnumerateObject().ToDictionary(
            file => file.Name,
            file => new Answer(
                file.Value.GetProperty("date").GetString() is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                file.Value.GetProperty("headlines").EnumerateArray().Select(h => h.GetString()!).ToList()),
            StringComparer.Ordinal);
    }
}
