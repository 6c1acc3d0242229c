using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

public sealed class TopicAndLanguageTests
{
    [Fact]
    public void Topics_are_brands_and_people_most_mentioned_first()
    {
        var topics = TopicExtractor.Extract(
            "Mark Zuckerberg défend Instagram",
            "Mark Zuckerberg a défendu Instagram et WhatsApp devant le Congrès. Instagram reste la priorité, a insisté M. Zuckerberg. Instagram compte un milliard d’utilisateurs.");

        Assert.Equal(["instagram", "zuckerberg", "whatsapp"], topics);
    }

    [Fact]
    public void Topics_are_a_handful_at_most_lowercase_without_hash()
    {
        var topics = TopicExtractor.Extract("Tout le monde", "Facebook, Instagram, WhatsApp, TikTok, Snapchat, Twitter, LinkedIn, YouTube et Pinterest.");

        Assert.Equal(TopicExtractor.MaxTopics, topics.Count);
        Assert.All(topics, t => Assert.Equal(t.ToLowerInvariant(), t));
        Assert.All(topics, t => Assert.DoesNotContain('#', t));
    }

    [Theory]
    [InlineData("Tik Tok et Youtube", "tiktok", "youtube")]
    [InlineData("Disney+ et Netflix", "disney", "netflix")]
    [InlineData("L’Oréal et Louis Vuitton", "loreal", "louisvuitton")]
    public void Brand_spellings_share_one_topic(string text, string first, string second) =>
        Assert.Equal([first, second], TopicExtractor.Extract("", text));

    [Theory]
    [InlineData("Le Monde et la Croix-Rouge parlent de l'apple pie.")]
    [InlineData("Despite Dutch newspapers and Dutch experts, nothing.")]
    [InlineData("Thierry Breton a parlé.")]
    public void Ordinary_words_and_single_mentions_are_not_topics(string text) =>
        Assert.Empty(TopicExtractor.Extract("", text));

    [Fact]
    public void Tags_are_normalised() =>
        Assert.Equal(["facebook", "événementiel", "coronavirus"], TopicExtractor.NormalizeTags([" Facebook", "#Événementiel ", "coronavirus", "", "facebook"]));

    [Theory]
    [InlineData("Les influenceurs ont prouvé qu’ils représentent un levier fort dans le processus d’achat.", "fr")]
    [InlineData("Snapchat has announced that its first original series will premiere this Saturday on the platform.", "en")]
    [InlineData("", "fr")]
    public void Language_by_stopwords(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
