using SocialReport.Core.Commands;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// Cards as plain text for terminals. Each button shows what to type or open: <c>[2 → /read 2020-03-06/2]</c>,
/// <c>[Lire l’édition en ligne → https://…]</c>.
/// </summary>
public sealed class PlainTextRenderer : ICardVisitor<string>
{
    public string Render(Card card) => card.Accept(this);

    public string Cover(CoverCard cover) => Text(cover,
        $"{cover.Title} · {cover.DateText}",
        cover.Intro,
        string.Join('\n', cover.Headlines.Select(Labels.Headline)),
        cover.Editors,
        cover.Leave);

    public string Story(StoryCard story) => Text(story,
        $"{Labels.Number(story.Number)}/{Labels.Number(story.Total)} · {story.Headline}",
        story.Summary,
        string.Join('\n', new[] { SourcesLine(story), Hashtags.Line(story.Topics) }.OfType<string>()));

    public string Part(StoryPartCard part) => Text(part,
        part.Parts > 1 ? $"{part.Headline} ({Labels.Number(part.Part)}/{Labels.Number(part.Parts)})" : part.Headline,
        part.Text);

    public string List(ListCard list) => Text(list,
        list.Title,
        string.Join('\n', list.Items.Select((item, i) =>
        {
            var line = $"{Labels.Number(i + 1)}. {item.Text}";
            if (!string.IsNullOrWhiteSpace(item.Detail))
                line += $" — {item.Detail}";
            return item.Open is { } open && Target(open) is { } target ? $"{line} → {target}" : line;
        })),
        list.Footer);

    public string Notice(NoticeCard notice) => Text(notice, notice.Title, notice.Text);

    /// <summary>The card's blocks then its buttons, a blank line between each; empty blocks left out.</summary>
    private static string Text(Card card, params string?[] blocks) =>
        string.Join("\n\n", blocks.Append(Buttons(card.Actions)).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b!.Trim()));

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
