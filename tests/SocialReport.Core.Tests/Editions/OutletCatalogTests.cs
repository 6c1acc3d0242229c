using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class OutletCatalogTests
{
    [Fact]
    public void Default_knows_at_least_forty_french_and_english_outlets()
    {
        var names = OutletCatalog.Default.Outlets.Select(o => o.Name).ToList();
        Assert.True(names.Count >= 40, $"only {names.Count} outlets");
        foreach (var name in new[] { "Le Monde", "Le Figaro", "Libération", "Les Echos", "La Croix", "L'ADN", "Viuz", "Blog du Modérateur",
            "Luxe Infinity", "BFM", "France Info", "20 Minutes", "Le Parisien", "L'Express", "Le Point", "Challenges", "Stratégies",
            "CB News", "e-marketing.fr", "Influencia", "Numerama", "Frandroid", "Siècle Digital", "Les Numériques", "Journal du Net",
            "Presse Citron", "Konbini", "TechCrunch", "The Verge", "Wired", "Reuters", "Bloomberg", "The Guardian", "BBC",
            "The New York Times", "The Washington Post", "Financial Times", "CNBC", "CNN", "Axios", "Business Insider",
            "Social Media Today", "Adweek", "Digiday", "The Information", "Engadget", "Mashable" })
        {
            Assert.Contains(name, names);
        }
    }

    [Theory]
    [InlineData("L’ADN", "L'ADN")]
    [InlineData("l'adn", "L'ADN")]
    [InlineData("Les Échos", "Les Echos")]
    [InlineData("Liberation", "Libération")]
    [InlineData("blog du moderateur", "Blog du Modérateur")]
    [InlineData("BFMTV", "BFM")]
    [InlineData("New York Times", "The New York Times")]
    [InlineData("Le\u00A0Monde", "Le Monde")]
    public void Find_ignores_accents_apostrophes_and_case(string spelled, string expected) =>
        Assert.Equal(expected, OutletCatalog.Default.Find(spelled)?.Name);

    [Theory]
    [InlineData("selon l’ADN, les dircoms", "l’ADN")]
    [InlineData("indique L'ADN.", "L'ADN")]
    [InlineData("dans Les Échos ce matin", "Les Échos")]
    [InlineData("d'après le Blog du Modérateur", "Blog du Modérateur")]
    [InlineData("rapporte Libé.", "Libé")]
    [InlineData("selon Stratégies.", "Stratégies")]
    public void Mentions_are_spelled_as_the_text_spells_them(string text, string mention) =>
        Assert.Equal(mention, Assert.Single(OutletCatalog.Default.FindMentions(text)).Text);

    [Theory]
    [InlineData("2 milliards d’utilisateurs dans le monde")]
    [InlineData("la croix et la bannière")]
    [InlineData("en 20 minutes chrono")]
    [InlineData("Challenges abound for the platform.")]
    [InlineData("Stratégies digitales : le point.")]
    [InlineData("The information was leaked.")]
    [InlineData("la Croix-Rouge a lancé")]
    [InlineData("wired headphones")]
    public void Ordinary_words_are_not_outlets(string text) =>
        Assert.Empty(OutletCatalog.Default.FindMentions(text));

    [Fact]
    public void Configuration_adds_names_without_duplicating_known_ones()
    {
        var catalog = OutletCatalog.Default.WithExtra(["Le Petit Journal Local", "le monde", "  "]);

        Assert.Equal(OutletCatalog.Default.Outlets.Count + 1, catalog.Outlets.Count);
        Assert.Equal("Le Petit Journal Local", catalog.Find("le petit journal local")?.Name);
        Assert.Equal(["Le Petit Journal Local"], catalog.FindMentions("selon Le Petit Journal Local.").Select(m => m.Text));
        Assert.Empty(OutletCatalog.Default.FindMentions("selon Le Petit Journal Local."));
    }

    [Fact]
    public void A_catalog_built_from_names_alone_works()
    {
        var catalog = new OutletCatalog(["Ouest Matin", "Radio Nord"]);

        Assert.Equal(["Radio Nord", "Ouest Matin"], catalog.FindMentions("Radio Nord puis Ouest Matin").Select(m => m.Outlet.Name));
    }
}
