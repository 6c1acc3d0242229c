using SocialReport.Core.Commands;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>Turns an edition into the cards a reader is shown, whatever the channel.</summary>
public static class CardFactory
{
    /// <param name="language">The interface language of labels and buttons; the content stays in the edition's.</param>
    public static CoverCard Cover(Edition edition, string language)
    {
        var rows = StoryButtons(edition, Enumerable.Range(1, edition.Stories.Count));
        if (edition.Url is { } url)
            rows.Add([CardAction.Open(Phrases.For(language).ReadOnline, url)]);

        return new CoverCard
        {
            Language = language,
            EditionId = edition.Id,
            Title = edition.Title.Trim(),
            DateText = DateText.Format(edition.Date, language),
            Intro = TextCutter.Cut(edition.Intro, CardBudgets.Intro),
            Headlines = edition.Stories.Select((story, i) => new Headline(i + 1, ShortHeadline(story))).ToList(),
            Editors = Phrases.For(language).ByLine(edition.Authors.Select(a => a.Name).ToList()),
            Url = edition.Url,
            Actions = rows,
        };
    }

    /// <summary>
    /// The cover a broadcast sends one reader: the stories about their topics first and marked, or only those (the
    /// whole edition one tap away); and how to leave.
    /// </summary>
    public static CoverCard Broadcast(EditionCut cut, string language)
    {
        var (edition, say) = (cut.Edition, Phrases.For(language));
        var cover = Cover(edition, language);
        if (cut.Followed.Count == 0 && !cut.FollowedOnly) return cover with { Leave = say.Leave };
        var followed = cut.Followed.ToHashSet();
        var rows = StoryButtons(edition, cut.Numbers);
        if (cut.FollowedOnly)
            rows.Add([CardAction.Run(say.Format(say.WholeEdition, say.Count(edition.Stories.Count, say.Stories)), CardCommands.Cover(edition.Id))]);
        if (edition.Url is { } url)
            rows.Add([CardAction.Open(say.ReadOnline, url)]);
        return cover with
        {
            Intro = cut.FollowedOnly ? say.Format(say.FollowedOnlyIntro, say.Count(followed.Count, say.Stories), edition.Stories.Count) : cover.Intro,
            Headlines = [.. cut.Numbers.Select(n => cover.Headlines[n - 1] with { Followed = followed.Contains(n) })],
            Actions = rows,
            Leave = say.Leave,
        };
    }

    /// <summary>The story cards a broadcast sends one reader, in its cover's order (card by card, or unfolding in one Teams card).</summary>
    public static IReadOnlyList<StoryCard> BroadcastStories(EditionCut cut, string language) =>
        [.. cut.Numbers.Select(n => Story(cut.Edition, n, language))];

    /// <param name="number">1-based position of the story in the edition.</param>
    public static StoryCard Story(Edition edition, int number, string language)
    {
        var story = Find(edition, number);
        var summary = TextCutter.Cut(story.Text, CardBudgets.Summary);

        var rows = new List<IReadOnlyList<CardAction>> { Navigation(edition, number, language) };
        if (summary != story.Text.Trim())
            rows.Add([CardAction.Run(Phrases.For(language).FullStory, CardCommands.Full(story.Id))]);
        if (edition.Url is { } url)
            rows.Add([CardAction.Open(Phrases.For(language).ReadOnline, url)]);

        return new StoryCard
        {
            Language = language,
            StoryId = story.Id,
            Number = number,
            Total = edition.Stories.Count,
            Headline = ShortHeadline(story),
            Summary = summary,
            Sources = story.Sources
                .Where(s => !string.IsNullOrWhiteSpace(s.Name))
                .Select(s => s with { Name = TextCutter.Cut(s.Name, CardBudgets.SourceName) })
                .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .ToList(),
            Topics = story.Topics
                .Select(t => TextCutter.Cut(t, CardBudgets.Topic))
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(CardBudgets.TopicsMax)
                .ToList(),
            EditionUrl = edition.Url,
            Actions = rows,
        };
    }

    /// <summary>The whole text of a story in parts of at most <paramref name="maxChars"/>; at least one part.</summary>
    public static IReadOnlyList<StoryPartCard> FullStory(Edition edition, int number, int maxChars, string language)
    {
        var story = Find(edition, number);
        var texts = TextSplitter.Split(story.Text, maxChars);
        if (texts.Count == 0)
            texts = [""];
        var headline = ShortHeadline(story);
        return texts.Select((text, i) => new StoryPartCard
        {
            Language = language,
            StoryId = story.Id,
            Headline = headline,
            Part = i + 1,
            Parts = texts.Count,
            Text = text,
            Actions = i == texts.Count - 1 ? [AfterFullStory(edition, number, language)] : [],
        }).ToList();
    }

    /// <summary>Everything a reader can be shown of an edition: the cover, every story card, every full-text part.</summary>
    public static IReadOnlyList<Card> All(Edition edition, string language, int fullPartChars)
    {
        var cards = new List<Card> { Cover(edition, language) };
        var numbers = Enumerable.Range(1, edition.Stories.Count).ToList();
        cards.AddRange(numbers.Select(n => Story(edition, n, language)));
        cards.AddRange(numbers.SelectMany(n => FullStory(edition, n, fullPartChars, language)));
        return cards;
    }

    private static List<IReadOnlyList<CardAction>> StoryButtons(Edition edition, IEnumerable<int> numbers) =>
        [.. numbers.Select(n => CardAction.Run(Labels.Number(n), CardCommands.Story(edition.Stories[n - 1].Id))).Chunk(CardBudgets.ButtonsPerRow)];

    private static Story Find(Edition edition, int number) =>
        edition.FindStory(number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"Edition {edition.Id} has {edition.Stories.Count} stories.");

    private static string ShortHeadline(Story story) => TextCutter.Cut(story.Headline, CardBudgets.Headline);

    private static List<CardAction> Navigation(Edition edition, int number, string language)
    {
        var row = new List<CardAction>();
        if (number > 1)
            row.Add(CardAction.Run(Labels.Previous(number - 1), CardCommands.Story(edition.Stories[number - 2].Id)));
        row.Add(CardAction.Run(Phrases.For(language).Contents, CardCommands.Cover(edition.Id)));
        if (number < edition.Stories.Count)
            row.Add(CardAction.Run(Labels.Next(number + 1), CardCommands.Story(edition.Stories[number].Id)));
        return row;
    }

    private static List<CardAction> AfterFullStory(Edition edition, int number, string language)
    {
        var row = new List<CardAction> { CardAction.Run(Phrases.For(language).Contents, CardCommands.Cover(edition.Id)) };
        if (number < edition.Stories.Count)
            row.Add(CardAction.Run(Labels.Next(number + 1), CardCommands.Story(edition.Stories[number].Id)));
        return row;
    }
}
