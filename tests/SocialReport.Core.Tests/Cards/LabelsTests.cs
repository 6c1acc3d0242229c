using SocialReport.Core.Cards;

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
        Assert.Equal(expected, Labels.By(names, language));

    [Fact]
    public void Speaks_french_and_falls_back_to_english()
    {
        Assert.Equal("Sommaire", Labels.Contents("fr"));
        Assert.Equal("Contents", Labels.Contents("en"));
        Assert.Equal("Article complet", Labels.FullStory("fr"));
        Assert.Equal("Full story", Labels.FullStory("es"));
        Assert.Equal("Lire l’édition en ligne", Labels.ReadOnline("fr"));
        Assert.Equal("Read online", Labels.ReadOnline("en"));
        Assert.Equal("Partie 1/3", Labels.Part(1, 3, "fr"));
        Assert.Equal("Part 2/3", Labels.Part(2, 3, "en"));
        Assert.Equal("Sources\u00A0: ", Labels.SourcesPrefix("fr"));
        Assert.Equal("Sources: ", Labels.SourcesPrefix("en"));
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
