using SocialReport.Core.Cards;
using SocialReport.Core.Commands;

namespace SocialReport.Core.Tests.Commands;

public class LanguagesTests
{
    [Theory]
    [InlineData(null, null, "fr")]
    [InlineData(null, "en", "en")]
    [InlineData(null, "en-GB", "en")]
    [InlineData(null, "EN-us", "en")]
    [InlineData(null, "fr-FR", "fr")]
    [InlineData(null, "de", "fr")]
    [InlineData(null, "", "fr")]
    [InlineData("fr", "en-GB", "fr")]
    [InlineData("en", "fr-FR", "en")]
    [InlineData("en", null, "en")]
    public void The_chat_s_choice_wins_then_the_user_s_language_then_french(string? chosen, string? hint, string expected) =>
        Assert.Equal(expected, Languages.Pick(chosen, hint));

    /// <summary>Once picked, a tag means the same language to every word: commands, card labels, dates.</summary>
    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de", "fr")]
    [InlineData("", "fr")]
    public void Every_phrase_label_and_date_follows_the_same_rule(string tag, string expected)
    {
        var say = expected == "en" ? Phrases.En : Phrases.Fr;
        var edition = SeedEdition.Build();

        var cover = CardFactory.Cover(edition, tag);
        var story = CardFactory.Story(edition, 2, tag);

        Assert.Same(say, Phrases.For(tag));
        Assert.Equal(DateText.Format(edition.Date, expected), cover.DateText);
        Assert.Equal(say.ByLine(edition.Authors.Select(a => a.Name).ToList()), cover.Editors);
        Assert.Contains(say.ReadOnline, cover.Actions.SelectMany(row => row).Select(a => a.Label));
        Assert.Contains(say.Contents, story.Actions.SelectMany(row => row).Select(a => a.Label));
        Assert.Contains(say.FullStory, story.Actions.SelectMany(row => row).Select(a => a.Label));
        Assert.Contains(say.SourcesPrefix, new PlainTextRenderer().Render(story));
    }
}
