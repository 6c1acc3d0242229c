namespace SocialReport.Core.Editions;

/// <summary>Links as sources: only http(s) addresses count; a relative one counts when the page's address is known.</summary>
internal static class WebAddress
{
    public static Uri? Resolve(string? href, Uri? page)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#'))
        {
            return null;
        }
        var isAbsolute = href.Contains("://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);
        var url = isAbsolute
            ? Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute : null
            : page is not null && Uri.TryCreate(page, href, out var resolved) ? resolved : null;
        return url is { Scheme: "http" or "https" } ? url : null;
    }
}
