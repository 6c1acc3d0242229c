using SocialReport.Core.Cards;

namespace SocialReport.Host.Tests.Commands;

public sealed class ReadingTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();
    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/latest")]
    [InlineData("latest")]
    [InlineData("/LATEST@SocialReportBot")]
    [InlineData("  /Latest  ")]
    public async Task Latest_shows_the_newest_cover_whatever_the_spelling(string text)
    {
        var cover = (await _bot.AskAsync(text)).Single<CoverCard>();

        Assert.Equal("2020-03-27", cover.EditionId);
        Assert.Equal(3, cover.Headlines.Count);
        Assert.Equal(["/read 2020-03-27/1", "/read 2020-03-27/2", "/read 2020-03-27/3"],
            cover.AllActions().Where(a => a.Command is not null).Select(a => a.Command!));
    }

    [Fact]
    public async Task The_buttons_page_through_every_seed_story_in_place()
    {
        var cover = (await _bot.AskAsync("/archive 2020-03-06")).Single<CoverCard>();
        var command = cover.Action("1").Command!;
        var seen = new List<string>();
        for (var expected = 1; expected <= 4; expected++)
        {
            var reply = await _bot.AskAsync(command, fromButton: true);
            Assert.True(reply.EditsOriginal);
            var story = reply.Single<StoryCard>();
            Assert.Equal(expected, story.Number);
            Assert.Equal(4, story.Total);
            seen.Add(story.Headline);
            if (expected < 4) command = story.Action($"{expected + 1} ▶").Command!;
            else Assert.DoesNotContain(story.AllActions(), a => a.Label.EndsWith('▶'));
        }

        Assert.Equal("WhatsApp franchit la barre des 2 milliards d’utilisateurs", seen[1]);
        var back = await _bot.AskAsync("/cover 2020-03-06", fromButton: true);
        Assert.True(back.EditsOriginal);
        Assert.Equal("2020-03-06", back.Single<CoverCard>().EditionId);
    }

    [Fact]
    public async Task A_story_card_names_its_sources_and_the_full_story_holds_every_paragraph()
    {
        var story = (await _bot.AskAsync("/read 2020-03-06/2")).Single<StoryCard>();
        Assert.Equal(["Le Monde", "Blog du Modérateur", "La Croix"], story.Sources.Select(s => s.Name));
        Assert.Contains("whatsapp", story.Topics);
        Assert.InRange(story.Summary.Length, 1, 501);

        var full = await _bot.AskAsync(story.Action("Article complet").Command!, fromButton: true);
        Assert.False(full.EditsOriginal);
        var text = string.Join("\n\n", full.Cards.Cast<StoryPartCard>().Select(p => p.Text));
        Assert.Contains("Détenue par Facebook", text);
        Assert.Contains("A bon entendeur", text);
    }

    [Fact]
    public async Task Archive_lists_newest_first_and_opens_by_date_or_number()
    {
        var list = (await _bot.AskAsync("/archive")).Single<ListCard>();
        Assert.Equal(["/cover 2020-03-27", "/cover 2020-03-20", "/cover 2020-03-13", "/cover 2020-03-06"],
            list.Items.Select(i => i.Open!.Command!));
        Assert.StartsWith("n° 4", list.Items[0].Text);

        Assert.Equal("2020-03-06", (await _bot.AskAsync("/archive 1")).Single<CoverCard>().EditionId);
        Assert.Equal("2020-03-13", (await _bot.AskAsync("/archive 2020-03-13")).Single<CoverCard>().EditionId);
        Assert.Contains("Je ne trouve pas", (await _bot.AskAsync("/archive 99")).NoticeText());
        Assert.Contains("Je ne trouve pas", (await _bot.AskAsync("/read 2020-03-06/9")).NoticeText());
    }

    [Fact]
    public async Task Archive_pages_with_a_more_button()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: ("Commands:PageSize", "3"));

        var first = (await bot.AskAsync("/archive")).Single<ListCard>();
        Assert.Equal(3, first.Items.Count);
        Assert.Equal("1–3 sur 4", first.Footer);
        var more = first.Action("Voir plus ▶").Command!;

        var second = await bot.AskAsync(more, fromButton: true);
        Assert.True(second.EditsOriginal);
        var page = second.Single<ListCard>();
        Assert.Equal("/cover 2020-03-06", Assert.Single(page.Items).Open!.Command);
        Assert.Empty(page.Actions);
    }
}
