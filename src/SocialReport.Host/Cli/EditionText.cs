using System.Globalization;
using System.Text;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

/// <summary>An edition as a person reads it in a terminal.</summary>
internal static class EditionText
{
    public static string Describe(Edition edition)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{edition.Title} · {edition.Date:yyyy-MM-dd}{DateSourceText(edition.DateSource)} · {edition.Language} · id {edition.Id}");
        if (edition.Url is not null) text.AppendLine(edition.Url.ToString());
        foreach (var author in edition.Authors)
            text.AppendLine(author.Role is null ? $"  by {author.Name}" : $"  by {author.Name}, {author.Role}");
        if (edition.Intro.Length > 0) text.AppendLine().AppendLine(edition.Intro);
        foreach (var story in edition.Stories)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{story.Number}. {story.Headline}  [{story.Id}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"   {story.Text.Length} characters, {story.Paragraphs.Count()} paragraphs");
            if (story.Sources.Count > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"   sources: {string.Join(" · ", story.Sources.Select(s => s.Url is null ? s.Name : $"{s.Name} <{s.Url}>"))}");
            if (Hashtags.Line(story.Topics) is { } tags) text.AppendLine(CultureInfo.InvariantCulture, $"   topics: {tags}");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Said only when the date is not the edition's own words.</summary>
    private static string DateSourceText(DateSource source) => source switch
    {
        DateSource.FileName => " (from the file name)",
        DateSource.Metadata => " (from the page's metadata)",
        DateSource.Given => " (given)",
        _ => "",
    };
}
