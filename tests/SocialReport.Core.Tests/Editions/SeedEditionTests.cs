using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>The product's reference edition, a plain-text export, must import exactly.</summary>
public sealed class SeedEditionTests
{
    private static readonly Edition Seed = Fixture.Import("social-report-2020-03-06.txt");

    [Fact]
    public void Cover_has_title_date_language_and_intro()
    {
        Assert.Equal("Social Report", Seed.Title);
        Assert.Equal(new DateOnly(2020, 3, 6), Seed.Date);
        Assert.Equal("2020-03-06", Seed.Id);
        Assert.Equal("fr", Seed.Language);
        Assert.Null(Seed.Url);
        Assert.StartsWith("Cette semaine, le Social Report revient sur la présentation", Seed.Intro, StringComparison.Ordinal);
        Assert.EndsWith("Bonne lecture !", Seed.Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_editors_with_their_roles_and_no_badge()
    {
        Assert.Equal(
            [
                new Author("Ambre Limousi", "Senior International News Editor, Division Media"),
                new Author("Gwenaëlle Lepeltier", "Chef de Projet Editorial - Revues de Presse, Division Media"),
                new Author("Nouhaila Drissi", null),
            ],
            Seed.Authors);
    }

    [Fact]
    public void Exactly_four_stories_with_their_headlines()
    {
        Assert.Equal(
            [
                "L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
                "WhatsApp franchit la barre des 2 milliards d’utilisateurs",
                "Marketing d’influence, un écosystème à dynamiser",
                "Dior Makeup Holiday 2020, notre campagne influence coup de cœur",
            ],
            Seed.Stories.Select(s => s.Headline));
        Assert.Equal(["2020-03-06/1", "2020-03-06/2", "2020-03-06/3", "2020-03-06/4"], Seed.Stories.Select(s => s.Id));
        Assert.Equal([1, 2, 3, 4], Seed.Stories.Select(s => s.Number));
    }

    [Fact]
    public void Sources_are_the_outlets_each_story_names_in_order()
    {
        Assert.Empty(Seed.Stories[0].Sources);
        Assert.Equal(["Le Monde", "Blog du Modérateur", "La Croix"], Seed.Stories[1].Sources.Select(s => s.Name));
        Assert.Equal(["Viuz", "L’ADN"], Seed.Stories[2].Sources.Select(s => s.Name));
        Assert.Equal(["Luxe Infinity"], Seed.Stories[3].Sources.Select(s => s.Name));
        Assert.All(Seed.Stories.SelectMany(s => s.Sources), s => Assert.Null(s.Url));
    }

    [Theory]
    [InlineData(1, "a précisé M. Zuckerberg Des idées")]
    [InlineData(2, "indique Le Monde Un succès")]
    [InlineData(2, "rapporte Le Monde.")]
    [InlineData(2, "note le Blog du Modérateur.")]
    [InlineData(2, "relate La Croix « Ce chiffrement")]
    [InlineData(2, "ajoute Le Monde. Or, s’époumonent")]
    [InlineData(3, "rapporte Viuz dans un article")]
    [InlineData(3, "indique L’ADN. D’une façon")]
    [InlineData(4, "sur Luxe Infinity !")]
    public void Glued_link_texts_get_their_space_back(int story, string expected) =>
        Assert.Contains(expected, Seed.Stories[story - 1].Text, StringComparison.Ordinal);

    [Fact]
    public void Camel_case_names_and_typography_survive()
    {
        var all = string.Join("\n", Seed.Stories.Select(s => s.Headline + "\n" + s.Text));
        Assert.Contains("WhatsApp a annoncé", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Whats App", all, StringComparison.Ordinal);
        Assert.Contains("d’utilisateurs", all, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00A0', all);
        Assert.DoesNotContain('\u202F', all);
        Assert.DoesNotContain("  ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Master", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line()
    {
        Assert.Equal(4, Seed.Stories[0].Paragraphs.Count());
        Assert.Equal(4, Seed.Stories[1].Paragraphs.Count());
        Assert.StartsWith("Détenue par Facebook, WhatsApp a annoncé", Seed.Stories[1].Paragraphs.First(), StringComparison.Ordinal);
        Assert.EndsWith("A bon entendeur !", Seed.Stories[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_are_derived_from_the_text()
    {
        Assert.Contains("whatsapp", Seed.Stories[1].Topics);
        Assert.Contains("facebook", Seed.Stories[1].Topics);
        Assert.Equal("whatsapp", Seed.Stories[1].Topics[0]);
        Assert.Contains("zuckerberg", Seed.Stories[0].Topics);
        Assert.Equal(["dior"], Seed.Stories[3].Topics);
        Assert.All(Seed.Stories, s => Assert.InRange(s.Topics.Count, 1, TopicExtractor.MaxTopics));
        Assert.All(Seed.Stories, s => Assert.Empty(s.Tags));
    }
}
