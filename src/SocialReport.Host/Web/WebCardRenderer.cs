using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <summary>
/// Cards as HTML fragments for the web chat. Every piece of card text is encoded; the only markup is this class's own.
/// A button that runs a command is a <c>&lt;button data-command&gt;</c> the page sends back; a link opens http(s) only.
/// </summary>
internal sealed class WebCardRenderer : ICardVisitor<string>
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public string Render(Card card) => card.Accept(this);

    public string Cover(CoverCard cover) => Article(cover, html =>
    {
        Heading(html, $"{cover.Title} · {cover.DateText}");
        Paragraphs(html, cover.Intro);
        html.Append("<ol class=\"headlines\">");
        foreach (var headline in cover.Headlines)
            html.Append(CultureInfo.InvariantCulture, $"<li value=\"{Labels.Number(headline.Number)}\">{(headline.Followed ? Labels.Followed + " " : "")}{Encode(headline.Text)}</li>");
        html.Append("</ol>");
        if (cover.Editors is { } editors)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"byline\">{Encode(editors)}</p>");
        if (cover.Leave is { } leave)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"leave\">{Encode(leave)}</p>");
    });

    public string Story(StoryCard story) => Article(story, html =>
    {
        Heading(html, $"{Labels.Number(story.Number)}/{Labels.Number(story.Total)} · {story.Headline}");
        Paragraphs(html, story.Summary);
        if (story.Sources.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"sources\">{Encode(Phrases.For(story.Language).SourcesPrefix)}{string.Join(" · ", story.Sources.Select(SourceLink))}</p>");
        if (Hashtags.Line(story.Topics) is { } tags)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"tags\">{Encode(tags)}</p>");
    });

    public string Part(StoryPartCard part) => Article(part, html =>
    {
        Heading(html, part.Parts > 1 ? $"{part.Headline} ({Labels.Number(part.Part)}/{Labels.Number(part.Parts)})" : part.Headline);
        Paragraphs(html, part.Text);
    });

    public string List(ListCard list) => Article(list, html =>
    {
        Heading(html, list.Title);
        html.Append("<ol class=\"items\">");
        foreach (var item in list.Items)
        {
            html.Append("<li>");
            html.Append(item.Open is { } open ? Action(open with { Label = item.Text }, "item") : Encode(item.Text));
            if (!string.IsNullOrWhiteSpace(item.Detail))
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"detail\">{Encode(item.Detail)}</span>");
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (list.Footer is { } footer)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"footer\">{Encode(footer)}</p>");
    });

    public string Notice(NoticeCard notice) => Article(notice, html =>
    {
        if (notice.Title is { } title)
            Heading(html, title);
        Paragraphs(html, notice.Text);
    });

    /// <summary>The card's own markup inside its article, its buttons under it.</summary>
    private static string Article(Card card, Action<StringBuilder> body)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"card card-{card.Kind}\" lang=\"{Encode(card.Language)}\">");
        body(html);
        Actions(html, card.Actions);
        html.Append("</article>");
        return html.ToString();
    }

    private static void Heading(StringBuilder html, string text) => html.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(text.Trim())}</h3>");

    /// <summary>Paragraphs separated by a blank line; single line breaks kept.</summary>
    private static void Paragraphs(StringBuilder html, string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append(CultureInfo.InvariantCulture, $"<p>{string.Join("<br>", paragraph.Split('\n').Select(Encode))}</p>");
    }

    private static void Actions(StringBuilder html, IReadOnlyList<IReadOnlyList<CardAction>> rows)
    {
        var lines = rows.Select(row => row.Select(a => Action(a, "button")).Where(b => b.Length > 0).ToList()).Where(r => r.Count > 0).ToList();
        if (lines.Count == 0)
            return;
        html.Append("<div class=\"actions\">");
        foreach (var line in lines)
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"row\">{string.Concat(line)}</div>");
        html.Append("</div>");
    }

    private static string Action(CardAction action, string cssClass)
    {
        if (!string.IsNullOrEmpty(action.Command))
            return $"<button type=\"button\" class=\"{cssClass}\" data-command=\"{Encode(action.Command)}\">{Encode(action.Label)}</button>";
        if (IsWebLink(action.Url))
            return $"<a class=\"{cssClass}\" href=\"{Encode(action.Url!.AbsoluteUri)}\" target=\"_blank\" rel=\"noopener noreferrer\">{Encode(action.Label)}</a>";
        return "";
    }

    private static string SourceLink(Source source) =>
        IsWebLink(source.Url)
            ? $"<a href=\"{Encode(source.Url!.AbsoluteUri)}\" target=\"_blank\" rel=\"noopener noreferrer\">{Encode(source.Name.Trim())}</a>"
            : Encode(source.Name.Trim());

    private static bool IsWebLink(Uri? url) => url is { IsAbsoluteUri: true } && url.Scheme is "http" or "https";

    private static string Encode(string text) => Html.Encode(text);
}
