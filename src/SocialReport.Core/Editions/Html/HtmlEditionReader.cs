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

    /// <summary>When set, receives what each element with text became (<c>import --explain</c>), at its line.</summary>
    public List<LineNote>? Notes { get; init; }

    public EditionDraft Read(string fileName, string html)
    {
        var document = HtmlNesting.ParseDocument(fileName, html, keepLines: Notes is not null);
        var pageUrl = HtmlMetadata.PageUrl(document);
        var title = HtmlMetadata.Title(document);
        var (stated, machine, mentioned) = HtmlDates.Find(fileName, document, today);
        var authors = HtmlMetadata.Authors(document);
        var language = HtmlMetadata.Language(document);

        foreach (var element in document.QuerySelectorAll(Chrome).ToList())
        {
            // A chrome element inside one already dropped went with it.
            if (element.ParentElement is not null && element.ParentElement.Closest(Chrome) is null && ChromeWhy(element) is { } why)
            {
                Note(element, "dropped", why);
            }
            element.Remove();
        }
        foreach (var link in document.QuerySelectorAll("a[href]").Where(HtmlLinks.IsButton).ToList())
        {
            Note(link, "dropped", "a link made to look like a button");
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
                    Note(element, "headline", $"story {stories.Count}: an <{storyLevel}> heading");
                }
                continue;
            }
            // Layout tables and wrapper divs hold blocks of their own: read those instead, each once.
            if (element.LocalName == "h1")
            {
                Note(element, "title", "the page's main heading");
                continue;
            }
            if (element.QuerySelector(Blocks) is not null)
            {
                continue;
            }
            var text = Clean(element.TextContent);
            if (text.Length == 0)
            {
                continue;
            }
            var kind = ChromeLines.Classify([text])[0].Kind;
            if (kind is not (LineKind.Content or LineKind.SourceLine))
            {
                var (role, why) = TextExplanation.OfKind(kind, stories.Count == 0) ?? ("dropped", "not text of a story");
                Note(element, role, why);
                continue;
            }
            if (stories.Count == 0)
            {
                Note(element, "intro", "a paragraph before the first headline");
                intro.Add(text);
                continue;
            }
            var (_, paragraphs, sources) = stories[^1];
            if (ChromeLines.SourceNames(text) is not null)
            {
                Note(element, "source", $"names the sources of story {stories.Count}");
                foreach (var (name, url) in SourceLines.Parse(text, outlets))
                {
                    sources.Add(name, url);
                }
                continue;
            }
            Note(element, "body", $"text of story {stories.Count}");
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

    /// <summary>Why a chrome element is not the edition's text; null for code and styles, which never were text.</summary>
    private static string? ChromeWhy(IElement element) => element.LocalName switch
    {
        "script" or "style" or "noscript" or "template" or "svg" => null,
        "nav" => "<nav>: navigation",
        "header" => "<header>: the site's header",
        "footer" => "<footer>: the site's footer",
        "aside" => "<aside>: a box beside the text (related links, newsletter, ads)",
        "figure" or "figcaption" => $"<{element.LocalName}>: an image and its caption or credit",
        "form" or "button" or "select" => $"<{element.LocalName}>: a form or a button",
        "iframe" => "<iframe>: an embedded frame",
        var name => $"<{name}>: marked as navigation, banner, hidden or page furniture",
    };

    private void Note(IElement element, string role, string why)
    {
        var text = Clean(element.TextContent);
        if (Notes is not null && text.Length > 0)
        {
            Notes.Add(LineNote.Of(element.SourceReference?.Position.Line ?? 0, role, text, why));
        }
    }

    internal static string Clean(string text) =>
        PlainText.Normalize(text.Replace('\n', ' ').Replace('\r', ' ')).Trim();
}
