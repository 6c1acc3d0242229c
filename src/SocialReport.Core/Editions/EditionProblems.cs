using System.Globalization;
using SocialReport.Core.Cards;

namespace SocialReport.Core.Editions;

/// <param name="Story">1-based number of the story concerned; null for the edition as a whole.</param>
/// <param name="Severity"><c>error</c>: readers would get something broken; <c>warning</c>: worth a look before publishing.</param>
/// <param name="Code">Stable, for tests and tools: <c>no-stories</c>, <c>no-text</c>, <c>no-headline</c>, <c>no-sources</c>,
/// <c>long-headline</c>, <c>duplicate-headline</c>, <c>no-intro</c>, <c>no-authors</c>.</param>
public sealed record EditionProblem(int? Story, string Severity, string Code, string Message);

/// <summary>What an editor should fix in an imported edition before readers see it: things the importer accepts but cards show badly.</summary>
public static class EditionProblems
{
    public static IReadOnlyList<EditionProblem> Find(Edition edition)
    {
        var problems = new List<EditionProblem>();
        if (edition.Stories.Count == 0)
            problems.Add(new(null, "error", "no-stories", "The edition has no story."));
        if (string.IsNullOrWhiteSpace(edition.Intro))
            problems.Add(new(null, "warning", "no-intro", "The edition has no intro: the cover shows only the headlines."));
        if (edition.Authors.Count == 0)
            problems.Add(new(null, "warning", "no-authors", "No editor is named: the cover has no byline."));

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var story in edition.Stories)
        {
            var number = story.Number;
            var headline = story.Headline.Trim();
            if (headline.Length == 0)
                problems.Add(new(number, "error", "no-headline", $"Story {N(number)} has no headline."));
            else if (headline.Length > CardBudgets.Headline.Max)
                problems.Add(new(number, "warning", "long-headline",
                    $"Story {N(number)}: the headline is {N(headline.Length)} characters; cards cut it at {N(CardBudgets.Headline.Max)}."));
            else if (!seen.Add(headline))
                problems.Add(new(number, "warning", "duplicate-headline", $"Story {N(number)} has the same headline as an earlier story."));

            if (string.IsNullOrWhiteSpace(story.Text))
                problems.Add(new(number, "error", "no-text", $"Story {N(number)} has no text."));
            if (!story.Sources.Any(s => !string.IsNullOrWhiteSpace(s.Name)))
                problems.Add(new(number, "warning", "no-sources", $"Story {N(number)} names no source."));
        }
        return problems;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
