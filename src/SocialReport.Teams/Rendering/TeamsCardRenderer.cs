using System.Globalization;
using System.Text.Json.Nodes;
using SocialReport.Core.Editions;
using static SocialReport.Teams.Rendering.AdaptiveCard;

namespace SocialReport.Teams.Rendering;

/// <summary>
/// Renders the core's cards as Adaptive Cards 1.5 for Teams: an edition as one card whose stories unfold in place,
/// and each other card (story, full-text part, list, notice) on its own. Every text is escaped for Teams' Markdown.
/// </summary>
internal sealed class TeamsCardRenderer : ICardVisitor<JsonObject>
{
    /// <summary>More source buttons than this would wrap into a wall on a phone: they become one line of links.</summary>
    public const int MaxSourceButtons = 5;

    /// <summary>
    /// The whole edition in one card: title, date and intro, then each story's headline with a "Lire" button that
    /// unfolds its summary, sources, topics and buttons in place; the editors and the online edition at the bottom.
    /// </summary>
    /// <param name="withDetails">False leaves the unfolding parts out, for editions too long for one message: each
    /// headline then keeps a button that asks the bot for the story.</param>
    public JsonObject RenderEdition(CoverCard cover, IReadOnlyList<StoryCard> stories, bool withDetails = true) =>
        RenderEdition(cover, stories, withDetails, omitted: 0);

    /// <param name="omitted">Stories left out for size after the ones given: the card says how many.</param>
    internal JsonObject RenderEdition(CoverCard cover, IReadOnlyList<StoryCard> stories, bool withDetails, int omitted)
    {
        var say = Phrases.For(cover.Language);
        var body = new List<JsonNode?>();
        body.AddRange(Header(cover.Title, cover.DateText));
        body.AddRange(Paragraphs(cover.Intro));

        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var followed = cover.Headlines.Any(h => h.Number == story.Number && h.Followed);
            var items = new List<JsonNode?> { Text(Numbered(story.Number, story.Headline, followed), bold: true) };
            if (withDetails)
            {
                var detailsId = $"story-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
                items.Add(ActionSet([Toggle(say.Read, detailsId)]));
                items.Add(Container(StoryDetails(story, OwnActions(story.Actions, story.StoryId)), id: detailsId, visible: false));
            }
            else if (OwnActions(cover.Actions, story.StoryId).Concat(OwnActions(story.Actions, story.StoryId)).FirstOrDefault() is { } open
                && Button(open with { Label = say.Read }) is { } button)
            {
                items.Add(ActionSet([button]));
            }
            body.Add(Container(items, separator: true, spacing: "Medium"));
        }

        if (omitted > 0)
            body.Add(Text("+ " + say.Count(omitted, say.OtherStories), subtle: true, spacing: "Medium"));
        if (WholeEdition(cover) is { } whole && Button(whole) is { } wholeButton)
            body.Add(ActionSet([wholeButton]));
        body.Add(Footer(cover.Editors, OnlineEdition(cover)));
        if (cover.Leave is { } leave)
            body.Add(Text(leave, subtle: true));
        return Card(cover.Language, body);
    }

    /// <summary>One card on its own, as a reply or a button's answer.</summary>
    public JsonObject Render(Card card) => card.Accept(this);

    public JsonObject Cover(CoverCard cover)
    {
        var body = new List<JsonNode?>();
        body.AddRange(Header(cover.Title, cover.DateText));
        body.AddRange(Paragraphs(cover.Intro));
        body.Add(Container(cover.Headlines.Select(h => Text(Numbered(h.Number, h.Text, h.Followed), spacing: "Small")), separator: true));
        if (cover.Editors is { } editors)
            body.Add(Text(editors, subtle: true));
        if (cover.Leave is { } leave)
            body.Add(Text(leave, subtle: true));
        body.AddRange(ActionRows(cover.Actions));
        return Card(cover.Language, body);
    }

    public JsonObject Story(StoryCard story)
    {
        var body = new List<JsonNode?>
        {
            Text(string.Create(CultureInfo.InvariantCulture, $"{story.Number}/{story.Total} · {story.Headline}"), bold: true, size: "Medium"),
        };
        body.AddRange(StoryDetails(story, []));
        body.AddRange(ActionRows(story.Actions));
        return Card(story.Language, body);
    }

    public JsonObject Part(StoryPartCard part)
    {
        var say = Phrases.For(part.Language);
        var body = new List<JsonNode?> { Text(part.Headline, bold: true, size: "Medium") };
        if (part.Parts > 1)
            body.Add(Text(say.Format(say.Part, part.Part, part.Parts), subtle: true, spacing: "None"));
        body.AddRange(Paragraphs(part.Text));
        body.AddRange(ActionRows(part.Actions));
        return Card(part.Language, body);
    }

    public JsonObject List(ListCard list)
    {
        var body = new List<JsonNode?> { Text(list.Title, bold: true, size: "Medium") };
        foreach (var item in list.Items)
        {
            var lines = new List<JsonNode?> { Text(item.Text) };
            if (item.Detail is { } detail)
                lines.Add(Text(detail, subtle: true, spacing: "None"));
            if (item.Open is { } open && Button(open) is { } button)
                lines.Add(ActionSet([button]));
            body.Add(Container(lines, separator: true));
        }
        if (list.Footer is { } footer)
            body.Add(Text(footer, subtle: true));
        body.AddRange(ActionRows(list.Actions));
        return Card(list.Language, body);
    }

    public JsonObject Notice(NoticeCard notice)
    {
        var body = new List<JsonNode?>();
        if (notice.Title is { } title)
            body.Add(Text(title, bold: true, size: "Medium"));
        body.AddRange(Paragraphs(notice.Text));
        body.AddRange(ActionRows(notice.Actions));
        return Card(notice.Language, body);
    }

    private static IEnumerable<JsonObject> Header(string title, string date) =>
    [
        Text(title, bold: true, size: "Large"),
        Text(date, subtle: true, spacing: "None"),
    ];

    /// <summary>Summary, sources, topics, then the story's own buttons (e.g. the full text).</summary>
    private static List<JsonNode?> StoryDetails(StoryCard story, IEnumerable<CardAction> actions)
    {
        var items = new List<JsonNode?>();
        items.AddRange(Paragraphs(story.Summary));
        items.AddRange(Sources(story.Sources, story.Language));
        if (Hashtags.Line(story.Topics) is { } tags)
            items.Add(Text(tags, subtle: true));
        var buttons = actions.Select(Button).OfType<JsonObject>().ToList();
        if (buttons.Count > 0)
            items.Add(ActionSet(buttons));
        return items;
    }

    /// <summary>
    /// Sources as buttons when each has a web link and they are few; otherwise one "Sources : …" line, with Markdown
    /// links where there is a URL.
    /// </summary>
    private static IEnumerable<JsonObject> Sources(IReadOnlyList<Source> sources, string language)
    {
        if (sources.Count == 0)
            return [];
        if (sources.Count <= MaxSourceButtons && sources.All(s => IsWebLink(s.Url)))
            return [ActionSet(sources.Select(s => OpenUrl(s.Name, s.Url!)))];
        var names = sources.Select(s => IsWebLink(s.Url) ? TeamsMarkdown.Link(s.Name, s.Url!) : TeamsMarkdown.Escape(s.Name));
        return [Text(TeamsMarkdown.Escape(Phrases.For(language).SourcesPrefix) + string.Join(" · ", names), subtle: true, escape: false)];
    }

    private static JsonObject Footer(string? editors, (string Label, Uri Url)? online)
    {
        var items = new List<JsonNode?>();
        if (editors is not null)
            items.Add(Text(editors, subtle: true));
        if (online is { } link)
            items.Add(ActionSet([OpenUrl(link.Label, link.Url)]));
        return Container(items, separator: true, spacing: "Medium");
    }

    /// <summary>The cover's own label for its online edition button, when it has one.</summary>
    private static (string Label, Uri Url)? OnlineEdition(CoverCard cover)
    {
        if (!IsWebLink(cover.Url))
            return null;
        var label = cover.Actions.SelectMany(row => row).FirstOrDefault(a => a.Url == cover.Url)?.Label;
        return (label ?? Phrases.For(cover.Language).ReadOnline, cover.Url!);
    }

    /// <summary>
    /// The buttons that concern this story alone: commands whose argument is the story's id (such as its full text).
    /// Navigation to other stories or back to the cover has no place in an edition that shows them all.
    /// </summary>
    private static IEnumerable<CardAction> OwnActions(IReadOnlyList<IReadOnlyList<CardAction>> rows, string storyId) =>
        rows.SelectMany(row => row).Where(a => a.Command is { } command && command.EndsWith(" " + storyId, StringComparison.Ordinal));

    private static IEnumerable<JsonObject> ActionRows(IReadOnlyList<IReadOnlyList<CardAction>> rows) =>
        rows.Select(row => row.Select(Button).OfType<JsonObject>().ToList())
            .Where(buttons => buttons.Count > 0)
            .Select(ActionSet);

    private static JsonObject? Button(CardAction action) => action switch
    {
        { Command: { } command } => Submit(action.Label, command),
        { Url: { } url } when IsWebLink(url) => OpenUrl(action.Label, url),
        _ => null,
    };

    /// <summary>"1. Headline" with a no-break space, which Teams shows as is where "1. " would start a numbered list; "★ 1. Headline" when followed.</summary>
    private static string Numbered(int number, string text, bool followed = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{(followed ? Labels.Followed + "\u00A0" : "")}{number}.\u00A0{text}");

    /// <summary>The button to the whole edition, on a cover of the reader's followed stories only.</summary>
    private static CardAction? WholeEdition(CoverCard cover) =>
        cover.Actions.SelectMany(row => row).FirstOrDefault(a => a.Command == CardCommands.Cover(cover.EditionId));
}
