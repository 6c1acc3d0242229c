using SocialReport.Teams.Rendering;

namespace SocialReport.Teams.Tests.Rendering;

public sealed class TeamsMarkdownTests
{
    [Theory]
    [InlineData("*Exclusif* : Facebook rachète tout")]
    [InlineData("**gras** et __souligné__")]
    [InlineData("_TikTok_ et a*b*c")]
    [InlineData("Lisez [ceci](https://evil.example) ou ![image](https://evil.example/i.png)")]
    [InlineData("[ref]: https://evil.example")]
    [InlineData("# Pas un titre")]
    [InlineData("###### Pas un titre non plus")]
    [InlineData("1984. Une année charnière")]
    [InlineData("2) deuxième point")]
    [InlineData("- pas une liste")]
    [InlineData("+ pas une liste")]
    [InlineData("* pas une liste")]
    [InlineData("> pas une citation")]
    [InlineData("un `code` en ligne")]
    [InlineData("~~barré~~")]
    [InlineData("<b>gras</b> et <https://evil.example>")]
    [InlineData("AT&amp;T et &#169;")]
    [InlineData("Titre\n===")]
    [InlineData("Titre\n---")]
    [InlineData("***")]
    [InlineData("    pas du code")]
    [InlineData("fin de ligne\\\nsuite")]
    [InlineData("un \\* déjà échappé")]
    public void Escaped_text_renders_as_the_words_themselves(string text)
    {
        var escaped = TeamsMarkdown.Escape(text);

        Assert.True(MarkdownView.IsPlain(escaped), $"'{escaped}' renders as Markdown");
        var expected = string.Join('\n', text.Split('\n').Select(l => l.TrimStart()));
        Assert.Equal(expected.Replace("\n", " ", StringComparison.Ordinal), MarkdownView.Displayed(escaped).Replace('\u00A0', ' ').Replace("\u200B", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Détenue par Facebook, WhatsApp a annoncé, le 12 février, avoir franchi la barre des 2 milliards d’utilisateurs.")]
    [InlineData("#whatsapp #chiffrement #facebook")]
    [InlineData("Contact : jean_dupont@example.com, « citation » – 19 h 30 ; 100 % !")]
    public void Ordinary_text_is_left_as_it_is(string text)
    {
        Assert.Equal(text, TeamsMarkdown.Escape(text));
    }

    [Fact]
    public void A_link_keeps_its_label_and_encodes_what_would_end_it()
    {
        var link = TeamsMarkdown.Link("Le *Monde* [archives]", new Uri("https://www.lemonde.fr/a (b)"));

        var parsed = Assert.Single(MarkdownView.Links(link));
        Assert.Equal("https://www.lemonde.fr/a%20%28b%29", parsed.Url);
        Assert.Equal("Le *Monde* [archives]", MarkdownView.Displayed(link));
    }
}
