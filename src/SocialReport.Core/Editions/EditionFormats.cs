using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions;

/// <summary>Which reader a file needs: by its extension, else by what its first lines look like.</summary>
public static partial class EditionFormats
{
    [GeneratedRegex(@"<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6])[\s>]", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^#{1,2} \S", RegexOptions.Multiline, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex MarkdownHeading();

    public static EditionFormat Detect(string fileName, string text)
    {
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".md" or ".markdown":
                return EditionFormat.Markdown;
            case ".html" or ".htm" or ".xhtml":
                return EditionFormat.Html;
            case ".txt":
                return EditionFormat.Text;
        }
        var start = text.TrimStart();
        if (start.StartsWith("---\n", StringComparison.Ordinal) || MarkdownHeading().IsMatch(text))
        {
            return EditionFormat.Markdown;
        }
        return HtmlTag().IsMatch(start.Length > 4096 ? start[..4096] : start) ? EditionFormat.Html : EditionFormat.Text;
    }

    /// <summary>"markdown", "md", "text", "txt", "html" (as the command line's <c>--format</c> takes them).</summary>
    public static EditionFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "markdown" or "md" => EditionFormat.Markdown,
        "text" or "txt" or "plain" => EditionFormat.Text,
        "html" or "htm" => EditionFormat.Html,
        _ => null,
    };
}
