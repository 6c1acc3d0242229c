using SocialReport.Core.Cards;

namespace SocialReport.Core.Tests.Cards;

public class PlainTextRendererTests
{
    private readonly PlainTextRenderer _renderer = new();

    [Fact]
    public void Renders_the_cover_with_what_to_type()
    {
        var text = _renderer.Render(CardFactory.Cover(SeedEdition.Build(), "fr"));

        Assert.Equal(
            """
            Social Report · 6 mars 2020

            Cette semaine, le Social Report revient sur la présentation de la stratégie digitale européenne et la visite de Mark Zuckerberg en Europe. Pendant ce temps, WhatsApp franchit la barre des 2 milliards d’utilisateurs et l’influence marketing se prépare à des nouveaux défis…

            1. L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg
            2. WhatsApp franchit la barre des 2 milliards d’utilisateurs
            3. Marketing d’influence, un écosystème à dynamiser
            4. Dior Makeup Holiday 2020, notre campagne influence coup de cœur

            Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi

            [1 → /read 2020-03-06/1]  [2 → /read 2020-03-06/2]  [3 → /read 2020-03-06/3]  [4 → /read 2020-03-06/4]
            [Lire l’édition en ligne → https://social-report.example/2020-03-06]
            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Renders_a_story_with_sources_and_hashtags()
    {
        var text = _renderer.Render(CardFactory.Story(SeedEdition.Build(withUrl: false), 2, "fr"));

        var summary = TextCutter.Cut(SeedEdition.Story2, CardBudgets.Summary);
        Assert.Equal(
            "2/4 · WhatsApp franchit la barre des 2 milliards d’utilisateurs\n\n" +
            summary + "\n\n" +
            $"Sources\u00A0: Le Monde ({SeedEdition.LeMonde.AbsoluteUri}) · Blog du Modérateur ({SeedEdition.BlogDuModerateur.AbsoluteUri}) · La Croix\n" +
            "#whatsapp #chiffrement #facebook\n\n" +
            "[◀ 1 → /read 2020-03-06/1]  [Sommaire → /cover 2020-03-06]  [3 ▶ → /read 2020-03-06/3]\n" +
            "[Article complet → /full 2020-03-06/2]",
            text);
    }

    [Fact]
    public void Renders_full_story_parts_numbered()
    {
        var parts = CardFactory.FullStory(SeedEdition.Build(), 1, 1000, "fr");

        var first = _renderer.Render(parts[0]);

        Assert.StartsWith($"L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg (1/{parts.Count})\n\nNous vous l’annoncions", first);
        Assert.EndsWith("[Sommaire → /cover 2020-03-06]  [2 ▶ → /read 2020-03-06/2]", _renderer.Render(parts[^1]));
    }

    [Fact]
    public void Renders_lists_and_notices()
    {
        var list = new ListCard
        {
            Language = "fr",
            Title = "#whatsapp",
            Items =
            [
                new ListItem("WhatsApp franchit la barre des 2 milliards d’utilisateurs", "6 mars 2020", CardAction.Run("2", "/read 2020-03-06/2")),
                new ListItem("Sans lien"),
            ],
            Footer = "1–2 sur 2",
        };
        var notice = new NoticeCard { Language = "fr", Title = "Bienvenue", Text = "Tapez /latest." };

        Assert.Equal(
            "#whatsapp\n\n" +
            "1. WhatsApp franchit la barre des 2 milliards d’utilisateurs — 6 mars 2020 → /read 2020-03-06/2\n" +
            "2. Sans lien\n\n" +
            "1–2 sur 2",
            _renderer.Render(list));
        Assert.Equal("Bienvenue\n\nTapez /latest.", _renderer.Render(notice));
        Assert.Equal("Tapez /latest.", _renderer.Render(notice with { Title = null }));
    }
}
