using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Editions;
using static SocialReport.Telegram.Rendering.TelegramHtml;

namespace SocialReport.Telegram.Rendering;

/// <summary>
/// Cards as Telegram messages in HTML mode: every piece of card text escaped, every message valid on its own and
/// within <see cref="MaxMessageLength"/>; a card too long for one message becomes several, the buttons under the last.
/// </summary>
public sealed class TelegramCardRenderer(ICallbackStore callbacks)
{
    /// <summary>Telegram's limit, counted after entity parsing in UTF-16 code units.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Full-text part size that leaves room for the headline line in the same message.</summary>
    public const int FullPartChars = CardBudgets.FullPartChars;

    public IReadOnlyList<TelegramMessage> Render(Card card)
    {
        var (blocks, itemRows) = card switch
        {
            CoverCard cover => (Cover(cover), []),
            StoryCard story => (Story(story), []),
            StoryPartCard part => (Part(part), []),
            ListCard list => (List(list), ItemButtons(list)),
            NoticeCard notice => ([Bold(notice.Title), Escape(notice.Text)], []),
            _ => throw new ArgumentException($"No Telegram rendering for {card.GetType().Name}.", nameof(card)),
        };
        var html = string.Join("\n\n", blocks.Where(b => !string.IsNullOrWhiteSpace(b)));
        var texts = Split(html, MaxMessageLength);
        if (texts.Count == 0)
            texts = [TextCutter.Ellipsis];

        var keyboard = TelegramKeyboard.Build(itemRows.Concat(card.Actions), callbacks);
        return texts.Select((text, i) => new TelegramMessage(text, i == texts.Count - 1 ? keyboard : null)).ToList();
    }

    private static List<string?> Cover(CoverCard card) =>
    [
        Bold(string.IsNullOrWhiteSpace(card.Title) ? card.DateText : $"{card.Title} · {card.DateText}"),
        Escape(card.Intro),
        Lines(card.Headlines.Select(h => Escape($"{Labels.Number(h.Number)}. {h.Text}"))),
        Italic(card.Editors),
    ];

    private static List<string?> Story(StoryCard card) =>
    [
        Bold($"{Labels.Number(card.Number)}/{Labels.Number(card.Total)} · {card.Headline}"),
        Escape(card.Summary),
        Lines([SourcesLine(card), Hashtags.Line(card.Topics) is { } tags ? Escape(tags) : null]),
    ];

    private static List<string?> Part(StoryPartCard card) =>
    [
        Bold(card.Headline) + (card.Parts > 1 ? $" ({Labels.Number(card.Part)}/{Labels.Number(card.Parts)})" : ""),
        Escape(card.Text),
    ];

    private static List<string?> List(ListCard card) =>
    [
        Bold(card.Title),
        Lines(card.Items.Select((item, i) =>
            Escape($"{Labels.Number(i + 1)}. {item.Text}")
            + (string.IsNullOrWhiteSpace(item.Detail) ? "" : " — " + Italic(item.Detail)))),
        Escape(card.Footer ?? ""),
    ];

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
