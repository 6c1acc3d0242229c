using AngleSharp.Html.Dom;
using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Editions.Html;

/// <summary>What a page says about itself: title, date, authors, language and address, from its markup first and
/// its words second.</summary>
internal static class HtmlMetadata
{
    public static string? Title(IHtmlDocument document)
    {
        // A site often puts its logo in an <h1> of the page header; the edition's own <h1> sits in the content.
        var h1 = document.QuerySelector("main h1, article h1, [role=main] h1")
            ?? document.QuerySelectorAll("h1").FirstOrDefault(h => h.Closest("nav, footer, aside, header") is null)
            ?? document.QuerySelectorAll("h1").FirstOrDefault(h => h.Closest("nav, footer, aside") is null);
        var text = HtmlEditionReader.Clean(h1?.TextContent ?? Meta(document, "og:title") ?? document.Title ?? "");
        if (h1 is null && text.LastIndexOf(" | ", StringComparison.Ordinal) is > 0 and var siteName)
        {
            text = text[..siteName];
        }
        if (text.Length == 0)
        {
            return null;
        }
        return TitleText.Split(text).Title;
    }

    public static IReadOnlyList<Author> Authors(IHtmlDocument document)
    {
        var names = document.QuerySelectorAll("meta[name=author], meta[property='article:author']")
            .Select(m => m.GetAttribute("content") ?? "")
            .Concat(document.QuerySelectorAll("[rel=author], .author, .byline, [itemprop=author]").Select(e => e.TextContent))
            .Select(HtmlEditionReader.Clean)
            .SelectMany(t => ChromeLines.IsBylineText(t) ? EditorsBlock.NamesInByline(t) : t.Split([",", " et ", " and ", " & "], StringSplitOptions.TrimEntries))
            .Where(n => n.Length is > 0 and < 80 && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(TextFolding.Key);
        return names.Select(n => new Author(n, null)).ToList();
    }

    public static string? Language(IHtmlDocument document)
    {
        var code = document.DocumentElement.GetAttribute("lang")?.Split('-', '_')[0].ToLowerInvariant();
        return code is "fr" or "en" ? code : null;
    }

    public static Uri? PageUrl(IHtmlDocument document)
    {
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        return Uri.TryCreate(href, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
    }

    internal static string? Meta(IHtmlDocument document, string name) =>
        document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    internal static int LineOf(IHtmlDocument document, string value) =>
        document.Source.Text.Split('\n').Select((line, index) => (line, index)).FirstOrDefault(l => l.line.Contains(value, StringComparison.Ordinal)).index + 1;
}
