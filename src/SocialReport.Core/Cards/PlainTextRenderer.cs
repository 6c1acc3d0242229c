using SocialReport.Core.Commands;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// Cards as plain text for terminals. Each button shows what to type or open: <c>[2 → /read 2020-03-06/2]</c>,
/// <c>[Lire l’édition en ligne → https://…]</c>.
/// </summary>
public sealed class PlainTextRenderer
{
    public string Render(Card card)
    {
        var blocks = card switch
        {
            CoverCard cover => Cover(cover),
            StoryCard story => Story(story),
            StoryPartCard part => Part(part),
            ListCard list => List(list),
            NoticeCard notice => [notice.Title, notice.Text],
            _ => throw new ArgumentException($"No plain-text rendering for {card.GetType().Name}.", nameof(card)),
        };
        blocks.Add(Buttons(card.Actions));
        return string.Join("\n\n", blocks.Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b!.Trim()));
    }

    private static List<string?> Cover(CoverCard card) =>
    [
        $"{card.Title} · {card.DateText}",
        card.Intro,
        string.Join('\n', card.Headlines.Select(h => $"{Labels.Number(h.Number)}. {h.Text}")),
        card.Editors,
    ];

    private static List<string?> Story(StoryCard card) =>
    [
        $"{Labels.Number(card.Number)}/{Labels.Number(card.Total)} · {card.Headline}",
        card.Summary,
        string.Join('\n', new[] { SourcesLine(card), Hashtags.Line(card.Topics) }.OfType<string>()),
    ];

    private static List<string?> Part(StoryPartCard card) =>
    [
        card.Parts > 1 ? $"{card.Headline} ({Labels.Number(card.Part)}/{Labels.Number(card.Parts)})" : card.Headline,
        card.Text,
    ];

    private static List<string?> List(ListCard card) =>
    [
        card.Title,
        string.Join('\n', card.Items.Select((item, i) =>
        {
            var line = $"{Labels.Number(i + 1)}. {item.Text}";
            if (!string.IsNullOrWhiteSpace(item.Detail))
                line += $" — {item.Detail}";
            return item.Open is { } open && Target(open) is { } target ? $"{line} → {target}" : line;
        })),
        card.Footer,
    ];

    private static string? SourcesLine(StoryCard card) =>
        card.Sources.Count == 0
            ? null
            : Phrases.For(card.Language).SourcesPrefix + string.Join(" · ", card.Sources.Select(SourceText));

    private static string SourceText(Source source) =>
        source.Url is null ? source.Name.Trim() : $"{source.Name.Trim()} ({source.Url.AbsoluteUri})";

    private static string Buttons(IReadOnlyList<IReadOnlyList<CardAction>> rows) =>
        string.Join('\n', rows
            .Select(row => string.Join("  ", row.Select(Button).OfType<string>()))
            .Where(line => line.Length > 0));

    private static string? Button(CardAction action) =>
        Target(action) is { } target ? $"[{action.Label} → {target}]" : null;

    private static string? Target(CardAction action) => action.Command ?? action.Url?.AbsoluteUri;
}
