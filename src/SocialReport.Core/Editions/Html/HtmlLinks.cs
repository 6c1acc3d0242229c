namespace SocialReport.Core.Editions.Html;

/// <summary>Which links in a story cite a source: not share buttons, not mail or script links, not in-page anchors.</summary>
internal static class HtmlLinks
{
    private static readonly string[] ShareAddresses =
    [
        "facebook.com/sharer", "facebook.com/share.php", "twitter.com/intent", "twitter.com/share", "x.com/intent",
        "linkedin.com/sharearticle", "linkedin.com/shareArticle", "linkedin.com/sharing", "pinterest.com/pin/create",
        "wa.me/", "api.whatsapp.com/send", "t.me/share", "telegram.me/share", "reddit.com/submit", "bsky.app/intent",
        "getpocket.com/save", "flipboard.com/bookmarklet",
    ];

    private static readonly HashSet<string> ShareTexts = new(StringComparer.Ordinal)
    {
        "partager", "share", "tweet", "tweeter", "imprimer", "print", "email", "e-mail", "envoyer", "je m'abonne", "subscribe",
        "s'abonner", "lire la suite", "read more", "en savoir plus", "facebook", "twitter", "linkedin", "whatsapp", "x",
    };

    public static Source? AsSource(AngleSharp.Dom.IElement link, Uri? pageUrl)
    {
        var href = link.GetAttribute("href")?.Trim() ?? "";
        var name = HtmlEditionReader.Clean(link.TextContent);
        if (name.Length == 0 || ShareTexts.Contains(TextFolding.Key(name)) || href.Length == 0 || href.StartsWith('#'))
        {
            return null;
        }
        Uri? url = Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute
            : pageUrl is not null && Uri.TryCreate(pageUrl, href, out var resolved) ? resolved
            : null;
        if (url is null || url.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var address = url.Host + url.PathAndQuery;
        return ShareAddresses.Any(s => address.Contains(s, StringComparison.OrdinalIgnoreCase)) ? null : new Source(name, url);
    }
}
