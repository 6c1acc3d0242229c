using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Editions;
using SocialReport.Telegram.Protocol;
using static SocialReport.Telegram.Rendering.TelegramHtml;

namespace SocialReport.Telegram.Rendering;

/// <summary>
/// Cards as Telegram messages in HTML mode: every piece of card text escaped, every message valid on its own and
/// within <see cref="MaxMessageLength"/>; a card too long for one message becomes several, the buttons under the last.
/// </summary>
internal sealed class TelegramCardRenderer(ICallbackStore callbacks) : ICardVisitor<IReadOnlyList<TelegramMessage>>
{
    /// <summary>Telegram's limit, counted after entity parsing in UTF-16 code units.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Full-text part size that leaves room for the headline line in the same message.</summary>
    public const int FullPartChars = CardBudgets.FullPartChars;

    public IReadOnlyList<TelegramMessage> Render(Card card) => card.Accept(this);

    public IReadOnlyList<TelegramMessage> Cover(CoverCard cover) => Messages(cover, [],
        Bold(string.IsNullOrWhiteSpace(cover.Title) ? cover.DateText : $"{cover.Title} · {cover.DateText}"),
        Escape(cover.Intro),
        Lines(cover.Headlines.Select(h => Escape(Labels.Headline(h)))),
        Italic(cover.Editors),
        Escape(cover.Leave ?? ""));

    public IReadOnlyList<TelegramMessage> Story(StoryCard story) => Messages(story, [],
        Bold($"{Labels.Number(story.Number)}/{Labels.Number(story.Total)} · {story.Headline}"),
        Escape(story.Summary),
        Lines([SourcesLine(story), Hashtags.Line(story.Topics) is { } tags ? Escape(tags) : null]));

    public IReadOnlyList<TelegramMessage> Part(StoryPartCard part) => Messages(part, [],
        Bold(part.Headline) + (part.Parts > 1 ? $" ({Labels.Number(part.Part)}/{Labels.Number(part.Parts)})" : ""),
        Escape(part.Text));

    public IReadOnlyList<TelegramMessage> List(ListCard list) => Messages(list, ItemButtons(list),
        Bold(list.Title),
        Lines(list.Items.Select((item, i) =>
            Escape($"{Labels.Number(i + 1)}. {item.Text}")
            + (string.IsNullOrWhiteSpace(item.Detail) ? "" : " — " + Italic(item.Detail)))),
        Escape(list.Footer ?? ""));

    public IReadOnlyList<TelegramMessage> Notice(NoticeCard notice) => Messages(notice, [], Bold(notice.Title), Escape(notice.Text));

    /// <summary>The blocks in as few messages as fit, the item buttons then the card's own under the last.</summary>
    private List<TelegramMessage> Messages(Card card, IEnumerable<IReadOnlyList<CardAction>> itemRows, params string?[] blocks)
    {
        var html = string.Join("\n\n", blocks.Where(b => !string.IsNullOrWhiteSpace(b)));
        var texts = Split(html, MaxMessageLength);
        if (texts.Count == 0)
            texts = [TextCutter.Ellipsis];

        var keyboard = TelegramKeyboard.Build(itemRows.Concat(card.Actions), callbacks);
        return texts.Select((text, i) => new TelegramMessage(text, i == texts.Count - 1 ? keyboard : null)).ToList();
    }

    /// <summary>A numbered button per item that opens something, in rows a phone can show.</summary>
    private static List<IReadOnlyList<CardAction>> ItemButtons(ListCard card) =>
        card.Items
            .Select((item, i) => item.Open is { } open ? open with { Label = Labels.Number(i + 1) } : null)
            .OfType<CardAction>()
            .Chunk(CardBudgets.ButtonsPerRow)
            .Select(row => (IReadOnlyList<CardAction>)row)
            .ToList();

    private static string? SourcesLine(StoryCard card) =>
        card.Sources.Count == 0
            ? null
            : Escape(Phrases.For(card.Language).SourcesPrefix) + string.Join(" · ", card.Sources.Select(SourceLink));

    private static string SourceLink(Source source) =>
        source.Url is { IsAbsoluteUri: true } url && url.Scheme is "http" or "https"
            ? $"<a href=\"{Escape(url.AbsoluteUri)}\">{Escape(source.Name.Trim())}</a>"
            : Escape(source.Name.Trim());

    private static string Bold(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $"<b>{Escape(text.Trim())}</b>";

    private static string Italic(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $"<i>{Escape(text.Trim())}</i>";

    private static string Lines(IEnumerable<string?> lines) =>
        string.Join('\n', lines.Where(l => !string.IsNullOrWhiteSpace(l)));
}
