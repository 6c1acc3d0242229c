using SocialReport.Core.Editions;

namespace SocialReport.Host.Tests.Web;

public sealed class EditionProblemsTests
{
    private static Story Story(int number, string headline, string text, params Source[] sources) =>
        new() { Id = $"2021-01-08/{number}", Headline = headline, Text = text, Sources = sources };

    private static Edition Edition(params Story[] stories) => new()
    {
        Id = "2021-01-08",
        Title = "Essai",
        Date = new DateOnly(2021, 1, 8),
        Language = "fr",
        Intro = "Intro.",
        Authors = [new Author("Ambre Limousi", null)],
        Stories = stories,
    };

    [Fact]
    public void A_clean_edition_has_no_problem()
    {
        Assert.Empty(EditionProblems.Find(Edition(Story(1, "Titre", "Texte.", new Source("Le Monde", null)))));
    }

    [Fact]
    public void Each_problem_names_its_story()
    {
        var problems = EditionProblems.Find(Edition(
            Story(1, "Sans source", "Texte."),
            Story(2, new string('x', 201), "Texte.", new Source("Le Monde", null)),
            Story(3, "Sans texte", " ", new Source("La Croix", null)),
            Story(4, "sans source", "Texte.", new Source(" ", null))));

        Assert.Equal(
            [(1, "no-sources"), (2, "long-headline"), (3, "no-text"), (4, "duplicate-headline"), (4, "no-sources")],
            problems.Select(p => (p.Story ?? 0, p.Code)));
        Assert.Equal("Story 2: the headline is 201 characters; cards cut it at 200.", problems[1].Message);
        Assert.Equal("error", problems[2].Severity);
    }

    [Fact]
    public void An_edition_without_intro_or_authors_is_warned_about()
    {
        var edition = Edition(Story(1, "Titre", "Texte.", new Source("Le Monde", null))) with { Intro = "", Authors = [] };

        Assert.Equal(["no-intro", "no-authors"], EditionProblems.Find(edition).Select(p => p.Code));
    }
}
