using CsCheck;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Cards;

public class CardFactoryTests
{
    private readonly Edition _edition = SeedEdition.Build();

    private static CardAction Read(string label, int number) => CardAction.Run(label, $"/read 2020-03-06/{number}");

    [Fact]
    public void Cover_shows_title_date_intro_headlines_and_editors()
    {
        var cover = CardFactory.Cover(_edition, "fr");

        Assert.Equal("cover", cover.Kind);
        Assert.Equal("2020-03-06", cover.EditionId);
        Assert.Equal("Social Report", cover.Title);
        Assert.Equal("6 mars 2020", cover.DateText);
        Assert.EndsWith("se prépare à des nouveaux défis…", cover.Intro);
        Assert.Equal(
        [
            new Headline(1, "L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg"),
            new Headline(2, "WhatsApp franchit la barre des 2 milliards d’utilisateurs"),
            new Headline(3, "Marketing d’influence, un écosystème à dynamiser"),
            new Headline(4, "Dior Makeup Holiday 2020, notre campagne influence coup de cœur"),
        ], cover.Headlines);
        Assert.Equal("Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi", cover.Editors);
        Assert.Equal(SeedEdition.Url, cover.Url);
    }

    [Fact]
    public void Cover_buttons_open_each_story_and_the_web_edition()
    {
        var cover = CardFactory.Cover(_edition, "fr");

        Assert.Equal(2, cover.Actions.Count);
        Assert.Equal([Read("1", 1), Read("2", 2), Read("3", 3), Read("4", 4)], cover.Actions[0]);
        Assert.Equal([CardAction.Open("Lire l’édition en ligne", SeedEdition.Url)], cover.Actions[1]);
    }

    [Fact]
    public void Cover_without_url_or_editors_has_no_link_row_nor_byline()
    {
        var cover = CardFactory.Cover(_edition with { Url = null, Authors = [] }, "fr");

        Assert.Single(cover.Actions);
        Assert.Null(cover.Editors);
    }

    [Fact]
    public void Cover_of_thirty_stories_has_rows_of_five()
    {
        var stories = Enumerable.Range(1, 30)
            .Select(n => new Story { Id = $"2020-03-06/{n}", Headline = $"Titre {n}", Text = "Texte." }).ToList();

        var cover = CardFactory.Cover(_edition with { Stories = stories }, "fr");

        Assert.Equal(7, cover.Actions.Count);
        Assert.All(cover.Actions.Take(6), row => Assert.Equal(5, row.Count));
        Assert.Equal(Read("30", 30), cover.Actions[5][4]);
    }

    [Fact]
    public void Story_card_has_summary_sources_topics_and_navigation()
    {
        var card = CardFactory.Story(_edition, 2, "fr");

        Assert.Equal("story", card.Kind);
        Assert.Equal("2020-03-06/2", card.StoryId);
        Assert.Equal((2, 4), (card.Number, card.Total));
        Assert.Equal("WhatsApp franchit la barre des 2 milliards d’utilisateurs", card.Headline);
        Assert.Equal(TextCutter.Cut(SeedEdition.Story2, CardBudgets.Summary), card.Summary);
        Assert.Equal(["Le Monde", "Blog du Modérateur", "La Croix"], card.Sources.Select(s => s.Name));
        Assert.Equal(["whatsapp", "chiffrement", "facebook"], card.Topics);
        Assert.Equal(SeedEdition.Url, card.EditionUrl);
        Assert.Equal(
        [
            [Read("◀ 1", 1), CardAction.Run("Sommaire", "/cover 2020-03-06"), Read("3 ▶", 3)],
            [CardAction.Run("Article complet", "/full 2020-03-06/2")],
            [CardAction.Open("Lire l’édition en ligne", SeedEdition.Url)],
        ], card.Actions);
    }

    [Fact]
    public void First_and_last_story_cards_have_no_way_past_the_ends()
    {
        var first = CardFactory.Story(_edition, 1, "en");
        var last = CardFactory.Story(_edition, 4, "en");

        Assert.Equal([CardAction.Run("Contents", "/cover 2020-03-06"), Read("2 ▶", 2)], first.Actions[0]);
        Assert.Equal([Read("◀ 3", 3), CardAction.Run("Contents", "/cover 2020-03-06")], last.Actions[0]);
        Assert.Equal(CardAction.Run("Full story", "/full 2020-03-06/1"), first.Actions[1][0]);
    }

    [Fact]
    public void Story_card_keeps_at_most_five_topics()
    {
        var card = CardFactory.Story(_edition, 3, "fr");

        Assert.Equal(["influence", "instagram", "youtube", "pinterest", "tiktok"], card.Topics);
    }

    [Fact]
    public void Story_card_shortens_absurd_source_names_and_topics()
    {
        var longName = string.Join(' ', Enumerable.Repeat("Journal", 40));
        var story = _edition.Stories[1] with
        {
            Sources = [new("Le Monde", null), new(longName, null), new(" ", null), new("le monde", null)],
            Topics = [string.Join(' ', Enumerable.Repeat("sujet", 20)), " ", "Facebook", "facebook"],
        };

        var card = CardFactory.Story(_edition with { Stories = [story] }, 1, "fr");

        Assert.Equal(2, card.Sources.Count);
        Assert.Equal("Le Monde", card.Sources[0].Name);
        Assert.InRange(card.Sources[1].Name.Length, 40, CardBudgets.SourceName.Max + 1);
        Assert.EndsWith("Journal…", card.Sources[1].Name);
        Assert.Equal(2, card.Topics.Count);
        Assert.InRange(card.Topics[0].Length, 20, CardBudgets.Topic.Max + 1);
        Assert.Equal("Facebook", card.Topics[1]);
    }

    [Fact]
    public void Short_story_needs_no_full_story_button()
    {
        var shortStory = new Story { Id = "2020-03-06/1", Headline = "Court", Text = "Une info repérée pour vous sur Luxe Infinity !" };

        var card = CardFactory.Story(_edition with { Stories = [shortStory], Url = null }, 1, "fr");

        Assert.Equal("Une info repérée pour vous sur Luxe Infinity !", card.Summary);
        Assert.Equal([[CardAction.Run("Sommaire", "/cover 2020-03-06")]], card.Actions);
    }

    [Fact]
    public void Unknown_story_number_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CardFactory.Story(_edition, 0, "fr"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CardFactory.FullStory(_edition, 5, 500, "fr"));
    }

    [Fact]
    public void Full_story_parts_hold_the_whole_text()
    {
        var parts = CardFactory.FullStory(_edition, 1, 800, "fr");

        Assert.True(parts.Count > 1);
        Assert.Equal(HostileText.Squeeze(SeedEdition.Story1), HostileText.Squeeze(string.Concat(parts.Select(p => p.Text))));
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 800));
        Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.Equal(parts.Count, p.Parts));
        Assert.All(parts, p => Assert.Equal("full", p.Kind));
        Assert.All(parts.SkipLast(1), p => Assert.Empty(p.Actions));
        Assert.Equal([[CardAction.Run("Sommaire", "/cover 2020-03-06"), Read("2 ▶", 2)]], parts[^1].Actions);
    }

    [Fact]
    public void Full_story_cuts_between_paragraphs_when_it_can()
    {
        var parts = CardFactory.FullStory(_edition, 2, 3800, "fr");

        Assert.Single(parts);
        Assert.Equal(SeedEdition.Story2, parts[0].Text);
    }

    [Fact]
    public void Empty_story_still_has_one_part()
    {
        var empty = new Story { Id = "2020-03-06/1", Headline = "Vide", Text = "" };

        var parts = CardFactory.FullStory(_edition with { Stories = [empty] }, 1, 500, "fr");

        Assert.Equal("", Assert.Single(parts).Text);
    }

    [Fact]
    public void All_gives_cover_then_stories_then_full_parts()
    {
        var cards = CardFactory.All(_edition, "fr", 3800);

        Assert.Equal(["cover", "story", "story", "story", "story", "full", "full", "full", "full"], cards.Select(c => c.Kind));
    }

    [Fact]
    public void English_interface_writes_the_date_in_english()
    {
        var cover = CardFactory.Cover(_edition, "en");

        Assert.Equal("6 March 2020", cover.DateText);
        Assert.Equal("By Ambre Limousi, Gwenaëlle Lepeltier and Nouhaila Drissi", cover.Editors);
        Assert.Equal("Read online", cover.Actions[^1][0].Label);
    }

    [Fact]
    public void Hostile_editions_give_cards_within_budgets_with_nothing_lost() =>
        HostileText.Edition.Check(edition =>
        {
            var cards = CardFactory.All(edition, edition.Language, CardBudgets.FullPartChars);

            var cover = Assert.IsType<CoverCard>(cards[0]);
            Assert.Equal(edition.Stories.Count, cover.Headlines.Count);
            Assert.True(cover.Intro.Length <= CardBudgets.Intro.Max + 1);
            Assert.All(cover.Actions, row => Assert.InRange(row.Count, 1, CardBudgets.ButtonsPerRow));
            Assert.Equal(edition.Stories.Count, cover.Actions.Sum(r => r.Count(a => a.Command is not null)));

            var stories = cards.OfType<StoryCard>().ToList();
            Assert.Equal(edition.Stories.Count, stories.Count);
            foreach (var story in stories)
            {
                Assert.True(story.Summary.Length <= CardBudgets.Summary.Max + 1);
                Assert.True(story.Headline.Length <= CardBudgets.Headline.Max + 1);
                Assert.True(story.Topics.Count <= CardBudgets.TopicsMax);
            }
            foreach (var story in edition.Stories)
            {
                var parts = cards.OfType<StoryPartCard>().Where(p => p.StoryId == story.Id).ToList();
                Assert.NotEmpty(parts);
                Assert.All(parts, p => Assert.True(p.Text.Length <= CardBudgets.FullPartChars));
                Assert.Equal(HostileText.Squeeze(story.Text), HostileText.Squeeze(string.Concat(parts.Select(p => p.Text))));
            }
        }, iter: 60);
}
