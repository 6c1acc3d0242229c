using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace SocialReport.Core.Editions.Html;

/// <summary>The dates a page gives: the one its heading or date line states, the one its markup carries for machines,
/// and a date its paragraphs mention (the weakest).</summary>
internal static partial class HtmlDates
{
    /// <summary>A JSON-LD block is a few kilobytes; a longer one is not read for its date.</summary>
    private const int MaxJsonLdChars = 64 * 1024;

    [GeneratedRegex("\"datePublished\"\\s{0,20}:\\s{0,20}\"(?<value>[^\"]{1,40})\"", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex DatePublished();

    public static (DateOnly? Stated, DateOnly? Machine, DateOnly? Mentioned) Find(string fileName, IHtmlDocument document, DateOnly today)
    {
        var headings = new[] { document.QuerySelector("h1")?.TextContent, document.Title }.OfType<string>().Select(HtmlEditionReader.Clean).ToList();
        if (headings.SelectMany(DateFinder.Find).FirstOrDefault(d => d.DoesNotExist) is { } invalid)
        {
            throw new EditionImportException(fileName, HtmlMetadata.LineOf(document, invalid.Text), $"the date \"{invalid.Text}\" does not exist");
        }
        var dateLines = headings.Concat(document.QuerySelectorAll("time, .date, .byline").Where(e => e.Closest("nav, aside, footer") is null).Select(e => HtmlEditionReader.Clean(e.TextContent))).ToList();
        var stated = dateLines.SelectMany(DateFinder.Find).Select(d => d.Date).FirstOrDefault(d => d is not null);
        var mentions = dateLines.Concat(document.QuerySelectorAll("p").Select(e => HtmlEditionReader.Clean(e.TextContent))).SelectMany(DateFinder.Find).ToList();
        var mentioned = mentions.Select(d => d.Date).FirstOrDefault(d => d is not null)
            ?? mentions.Select(d => d.ResolveYear(today)).FirstOrDefault(d => d is not null);
        return (stated, Machine(fileName, document), mentioned);
    }

    private static DateOnly? Machine(string fileName, IHtmlDocument document)
    {
        var values = new[] { HtmlMetadata.Meta(document, "article:published_time"), HtmlMetadata.Meta(document, "date"), HtmlMetadata.Meta(document, "dc.date") }
            .Concat(document.QuerySelectorAll("time[datetime]").Where(t => t.Closest("nav, aside, footer") is null).Select(t => t.GetAttribute("datetime")))
            .Concat(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent)
                .Where(json => json.Length <= MaxJsonLdChars)
                .Select(json => DatePublished().Match(json) is { Success: true } match ? match.Groups["value"].Value : null))
            .OfType<string>();
        foreach (var value in values)
        {
            var mention = (value.Length > 10 ? DateFinder.Whole(value[..10]) : null) ?? DateFinder.Whole(value);
            if (mention is not null)
            {
                return mention.Date ?? throw new EditionImportException(fileName, HtmlMetadata.LineOf(document, value), $"the date \"{mention.Text}\" does not exist");
            }
        }
        return null;
    }
}
