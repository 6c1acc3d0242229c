using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Tests.Editions;

public sealed class ChromeLinesTests
{
    [Theory]
    [InlineData("https://www.example.com/news/2020/10/22/roundup", nameof(LineKind.Address))]
    [InlineData("Je m'abonne", nameof(LineKind.Button))]
    [InlineData("  • Imprimer", nameof(LineKind.Button))]
    [InlineData("Recherche", nameof(LineKind.Button))]
    [InlineData("PUBLICITÉ", nameof(LineKind.Button))]
    [InlineData("Read more →", nameof(LineKind.Button))]
    [InlineData("Share", nameof(LineKind.Button))]
    [InlineData("À lire aussi : Clubhouse, le réseau social audio", nameof(LineKind.Button))]
    [InlineData("Suivez-nous sur LinkedIn", nameof(LineKind.Button))]
    [InlineData("4 min de lecture", nameof(LineKind.Button))]
    [InlineData("5 min read", nameof(LineKind.Button))]
    [InlineData("12 commentaires", nameof(LineKind.Button))]
    [InlineData("Tags : Facebook, social commerce", nameof(LineKind.Button))]
    [InlineData("Accueil › Veille › Réseaux sociaux", nameof(LineKind.Button))]
    [InlineData("Home / News / Social media", nameof(LineKind.Button))]
    [InlineData("Sent to you by The Social Brief · Unsubscribe", nameof(LineKind.Button))]
    [InlineData("© Exemple Media 2021 - Tous droits réservés", nameof(LineKind.Caption))]
    [InlineData("© Logo de TikTok Shop", nameof(LineKind.Caption))]
    [InlineData("Crédit photo : Shutterstock", nameof(LineKind.Caption))]
    [InlineData("(Photo by Jane Doe/Getty Images)", nameof(LineKind.Caption))]
    [InlineData("Photo credit: Instagram", nameof(LineKind.Caption))]
    [InlineData("Screenshot 2020-10-23 at 16.16.38.png", nameof(LineKind.FileName))]
    [InlineData("capture-ecran-whatsapp.JPG", nameof(LineKind.FileName))]
    [InlineData("Publié par Alexandre Lecouvé le", nameof(LineKind.Byline))]
    [InlineData("Par Ambre Limousi et Gwenaëlle Lepeltier", nameof(LineKind.Byline))]
    [InlineData("By Sarah Collins | June 4, 2021", nameof(LineKind.Byline))]
    [InlineData("Mis à jour le 16 janvier 2021 à 11h00", nameof(LineKind.Byline))]
    [InlineData("06 mars 2020", nameof(LineKind.DateLine))]
    [InlineData("Semaine du lundi 8 février 2021", nameof(LineKind.DateLine))]
    [InlineData("23.10.20", nameof(LineKind.DateLine))]
    [InlineData("Source : Le Monde", nameof(LineKind.SourceLine))]
    [InlineData("Sources: The Verge, Reuters", nameof(LineKind.SourceLine))]
    [InlineData("(Source : https://techcrunch.com/x)", nameof(LineKind.SourceLine))]
    [InlineData("Social Media Weekly Round-Up", nameof(LineKind.Banner))]
    [InlineData("The SocialDay Weekly Newsletter", nameof(LineKind.Banner))]
    [InlineData("In this issue", nameof(LineKind.Banner))]
    [InlineData("Il est là : TikTok Shop a débarqué en France", nameof(LineKind.Content))]
    [InlineData("Par ailleurs, Instagram teste une nouvelle fonction de partage.", nameof(LineKind.Content))]
    [InlineData("By the end of 2020, TikTok had 100 million users in Europe.", nameof(LineKind.Content))]
    [InlineData("Updated privacy rules for teens on Instagram", nameof(LineKind.Content))]
    [InlineData("Twitter partage ses revenus avec les créateurs", nameof(LineKind.Content))]
    [InlineData("La newsletter d’Instagram pour les créateurs devient payante et mensuelle dès juin", nameof(LineKind.Content))]
    [InlineData("Master", nameof(LineKind.Content))]
    [InlineData("Facebook voit ses usages exploser, selon Le Monde (source interne).", nameof(LineKind.Content))]
    public void Classifies_a_line(string line, string expected) =>
        Assert.Equal(expected, ChromeLines.Classify([line])[0].Kind.ToString());

    [Fact]
    public void A_caption_is_the_line_right_above_its_credit()
    {
        var lines = ChromeLines.Classify(["Logo de TikTok Shop", "© Logo de TikTok Shop", "", "Instagram's new setting lets users hide likes.", "Photo credit: Instagram", "", "A paragraph."]);

        Assert.Equal(
            [LineKind.Caption, LineKind.Caption, LineKind.Blank, LineKind.Caption, LineKind.Caption, LineKind.Blank, LineKind.Content],
            lines.Select(l => l.Kind));
    }
}

public sealed class StoryShapesTests
{
    [Theory]
    [InlineData("WhatsApp franchit la barre des 2 milliards d’utilisateurs", true)]
    [InlineData("Faut-il avoir peur de la fin des cookies tiers ?", true)]
    [InlineData("Trump’s Twitter account allegedly hacked after security researcher guesses password ‘maga2020!’", true)]
    [InlineData("1. Clubhouse, le réseau social audio qui fait parler de lui", true)]
    [InlineData("DRISSI", false)]
    [InlineData("Happy Friday SocialDayers! We hope you’ve had a great week.", false)]
    [InlineData("Ce que l’on sait :", false)]
    [InlineData("et plus engagée, sur le modèle d’Instagram", false)]
    [InlineData("- premier point de la liste", false)]
    public void Headlines_are_short_lines_without_a_final_period(string line, bool expected) =>
        Assert.Equal(expected, StoryShapes.LooksLikeHeadline(line));

    [Theory]
    [InlineData("Snap a publié des résultats trimestriels supérieurs aux attentes, d’après Siècle Digital.", true)]
    [InlineData("Une sélection de la rédaction, chaque lundi matin.", true)]
    [InlineData("A bon entendeur !", false)]
    [InlineData("L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg", false)]
    public void Body_paragraphs_end_a_sentence_or_run_long(string line, bool expected) =>
        Assert.Equal(expected, StoryShapes.LooksLikeBody(line));

    [Fact]
    public void A_caption_above_a_headline_does_not_steal_the_story()
    {
        var units = TextUnit.From(ChromeLines.Classify(
        [
            "Le nouveau logo de la marque",
            "",
            "Netflix, Amazon et Disney intègrent le lobby de la publicité TV, qui change de nom : voici pourquoi ?",
            "",
            "Le Syndicat national de la publicité télévisée fait sa révolution, avec trois nouveaux membres.",
        ])).ToList();

        Assert.Equal([1], StoryShapes.FindHeadlines(units));
    }
}
