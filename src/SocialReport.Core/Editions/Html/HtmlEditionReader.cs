using AngleSharp.Dom;
using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Editions.Html;

/// <summary>Reads an edition's web page: title from &lt;h1&gt; or &lt;title&gt;, one story per &lt;h2&gt; (or
/// &lt;h3&gt; when there is none) with the paragraphs after it; links in a story are its sources. Navigation,
/// scripts, headers, footers, asides, forms and figures are dropped first.</summary>
internal sealed class HtmlEditionReader(OutletCatalog outlets, DateOnly today)
{
    private const string Chrome = "nav, script, style, noscript, template, footer, header, aside, form, figure, figcaption, iframe, svg, button, select, dialog, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]";
    private const string TextBlocks = "p, li, blockquote, pre, dd, td, th, div, h4, h5, h6";
    private const string Blocks = "p, li, blockquote, pre, dd, dt, td, th, div, section, article, ul, ol, table, h1, h2, h3, h4, h5, h6";

    public EditionDraft Read(string fileName, string html)
    {
        var document = HtmlNesting.ParseDocument(fileName, html);
        var pageUrl = HtmlMetadata.PageUrl(document);
        var title = HtmlMetadata.Title(document);
        var (stated, machine, mentioned) = HtmlDates.Find(fileName, document, today);
        var authors = HtmlMetadata.Authors(document);
        var language = HtmlMetadata.Language(document);

        foreach (var element in document.QuerySelectorAll(Chrome).ToList())
        {
            element.Remove();
        }
        foreach (var link in document.QuerySelectorAll("a[href]").Where(HtmlLinks.IsButton).ToList())
        {
            link.Remove();
        }
        var root = (IElement?)document.QuerySelector("main, [role=main]") ?? document.Body ?? document.DocumentElement;
        var storyLevel = root.QuerySelector("h2") is not null ? "h2" : "h3";
        var intro = new List<string>();
        var stories = new List<(string Headline, List<string> Paragraphs, SourceList Sources)>();

        var subheadings = storyLevel == "h2" ? ", h3" : "";
        foreach (var element in root.QuerySelectorAll($"h1, {storyLevel}, {TextBlocks}{subheadings}"))
        {
            if (element.LocalName == storyLevel)
            {
                var headline = Clean(element.TextContent);
                if (headline.Length > 0)
                {
                    stories.Add((headline, [], new SourceList(outlets)));
                }
                continue;
            }
            // Layout tables and wrapper divs hold blocks of their own: read those instead, each once.
            if (element.LocalName == "h1" || element.QuerySelector(Blocks) is not null)
            {
                continue;
            }
            var text = Clean(element.TextContent);
            if (text.Length == 0 || ChromeLines.Classify([text])[0].Kind is not (LineKind.Content or LineKind.SourceLine))
            {
                continue;
            }
            if (stories.Count == 0)
            {
                intro.Add(text);
                continue;
            }
            var (_, paragraphs, sources) = stories[^1];
            if (ChromeLines.SourceNames(text) is not null)
            {
                foreach (var (name, url) in SourceLines.Parse(text, outlets))
                {
                    sources.Add(name, url);
                }
                continue;
            }
            paragraphs.Add(element.LocalName == "li" ? "- " + text : text);
            foreach (var link in element.QuerySelectorAll("a[href]"))
            {
                if (HtmlLinks.AsSource(link, pageUrl) is { } source)
                {
                    sources.Add(outlets.FindMentions(source.Name) is [var mention, ..] ? mention.Text : source.Name, source.Url);
                }
            }
            sources.AddMentioned(text);
        }

        return new EditionDraft
        {
            Title = title,
            Date = stated,
            MetadataDate = machine,
            MentionedDate = mentioned,
            Language = language,
            Url = pageUrl,
            Authors = authors,
            Intro = PlainText.JoinParagraphs(intro),
            Stories = stories.Select(s => new StoryDraft(s.Headline, PlainText.JoinParagraphs(s.Paragraphs), s.Sources.Items, [])).ToList(),
        };
    }

    internal static string Clean(string text) =>
        PlainText.Normalize(text.Replace('\n', ' ').Replace('\r', ' ')).Trim();
}
