using SocialReport.Core.Editions;
using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Tests.Editions;

public sealed class GluedWordsTests
{
    [Theory]
    [InlineData("indique Le MondeUn succès", "indique Le Monde Un succès")]
    [InlineData("rapporteLe Monde.", "rapporte Le Monde.")]
    [InlineData("note leBlog du Modérateur.", "note le Blog du Modérateur.")]
    [InlineData("relate La Croix« Ce chiffrement", "relate La Croix « Ce chiffrement")]
    [InlineData("a précisé M. ZuckerbergDes idées", "a précisé M. Zuckerberg Des idées")]
    [InlineData("ajoute Le Monde.Or,s’époumonent", "ajoute Le Monde. Or, s’époumonent")]
    [InlineData("according toThe Verge.", "according to The Verge.")]
    [InlineData("reportsTechCrunch today", "reports TechCrunch today")]
    [InlineData("selonLes Echos, la", "selon Les Echos, la")]
    [InlineData("d’aprèsl’ADN", "d’aprèsl’ADN")]
    [InlineData("indiquel’ADN.", "indiquel’ADN.")]
    [InlineData("the platformThe company said", "the platform The company said")]
    [InlineData("deFacebook", "de Facebook")]
    [InlineData("»Un autre", "» Un autre")]
    public void Seams_get_a_space(string glued, string repaired) =>
        Assert.Equal(repaired, GluedWords.Repair(glued, OutletCatalog.Default));

    [Theory]
    [InlineData("WhatsApp franchit la barre")]
    [InlineData("TikTok et LinkedIn lancent")]
    [InlineData("YouTube et iPhone, iPad, iOS")]
    [InlineData("un menu McDonald's à PayPal")]
    [InlineData("OpenAI lance ChatGPT sur PlayStation")]
    [InlineData("LinkedIn In et DeepMind")]
    [InlineData("BeReal, WeChat, OnlyFans, GoPro, HubSpot")]
    [InlineData("Le Monde.fr et e-marketing.fr")]
    [InlineData("voir https://www.lemonde.fr/Pixels/ArticleLe")]
    [InlineData("2,5 millions, 3.5 milliards")]
    [InlineData("« Ce chiffrement »")]
    [InlineData("le commissaire Thierry Breton")]
    [InlineData("UnWired et BlackRock")]
    [InlineData("a-t-il indiqué")]
    public void Names_and_clean_text_are_left_alone(string text) =>
        Assert.Equal(text, GluedWords.Repair(text, OutletCatalog.Default));
}
