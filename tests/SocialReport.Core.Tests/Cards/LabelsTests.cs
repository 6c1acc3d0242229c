using SocialReport.Core.Cards;
using SocialReport.Core.Commands;

namespace SocialReport.Core.Tests.Cards;

public class LabelsTests
{
    [Theory]
    [InlineData("fr", new string[0], null)]
    [InlineData("fr", new[] { "Ambre Limousi" }, "Par Ambre Limousi")]
    [InlineData("fr", new[] { "Ambre Limousi", "Nouhaila Drissi" }, "Par Ambre Limousi et Nouhaila Drissi")]
    [InlineData("fr", new[] { "Ambre Limousi", "Gwenaëlle Lepeltier", "Nouhaila Drissi" }, "Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi")]
    [InlineData("en", new[] { "A", "B", "C" }, "By A, B and C")]
    [InlineData("en", new[] { " ", "B " }, "By B")]
    public void Names_the_editors(string language, string[] names, string? expected) =>
        Assert.Equal(expected, Phrases.For(language).ByLine(names));

    [Fact]
    public void Speaks_english_to_whoever_asks_and_french_otherwise()
    {
        Assert.Equal("Sommaire", Phrases.For("fr").Contents);
        Assert.Equal("Contents", Phrases.For("en").Contents);
        Assert.Equal("Article complet", Phrases.For("es").FullStory);
        Assert.Equal("Full story", Phrases.For("en-GB").FullStory);
        Assert.Equal("Lire l’édition en ligne", Phrases.For("fr").ReadOnline);
        Assert.Equal("Read online", Phrases.For("en").ReadOnline);
        Assert.Equal("Partie 1/3", Phrases.Fr.Format(Phrases.Fr.Part, 1, 3));
        Assert.Equal("Part 2/3", Phrases.En.Format(Phrases.En.Part, 2, 3));
        Assert.Equal("Sources\u00A0: ", Phrases.For("fr").SourcesPrefix);
        Assert.Equal("Sources: ", Phrases.For("en").SourcesPrefix);
        Assert.Equal("◀ 1", Labels.Previous(1));
        Assert.Equal("3 ▶", Labels.Next(3));
    }

    [Theory]
    [InlineData("whatsapp", "#whatsapp")]
    [InlineData("Mark Zuckerberg", "#mark_zuckerberg")]
    [InlineData("réalité augmentée", "#réalité_augmentée")]
    [InlineData("Tik-Tok!", "#tik_tok")]
    [InlineData("<&>", null)]
    [InlineData("", null)]
    public void Writes_topics_as_hashtags(string topic, string? expected) =>
        Assert.Equal(expected, Hashtags.For(topic));

    [Fact]
    public void Commands_are_short_and_stable()
    {
        Assert.Equal("/cover 2020-03-06", CardCommands.Cover("2020-03-06"));
        Assert.Equal("/read 2020-03-06/2", CardCommands.Story("2020-03-06/2"));
        Assert.Equal("/full 2020-03-06/2", CardCommands.Full("2020-03-06/2"));
    }
}
