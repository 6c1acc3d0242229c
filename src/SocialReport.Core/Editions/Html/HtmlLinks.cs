namespace SocialReport.Core.Editions.Html;

/// <summary>Which links in a story cite a source: not share buttons, not mail or script links, not in-page anchors.</summary>
internal static class HtmlLinks
{
    private static readonly string[] ShareAddresses =
    [
        "facebook.com/sharer", "facebook.com/share.php", "facebook.com/dialog/share", "twitter.com/intent", "twitter.com/share", "x.com/intent",
        "linkedin.com/sharearticle", "linkedin.com/shareArticle", "linkedin.com/sharing", "pinterest.com/pin/create",
        "wa.me/", "api.whatsapp.com/send", "t.me/share", "telegram.me/share", "reddit.com/submit", "bsky.app/intent",
        "getpocket.com/save", "flipboard.com/bookmarklet",
    ];

    private static readonly HashSet<string> ShareTexts = new(StringComparer.Ordinal)
    {
        "partager", "share", "tweet", "tweeter", "imprimer", "print", "email", "e-mail", "envoyer", "je m'abonne", "subscribe",
        "s'abonner", "lire la suite", "read more", "en savoir plus", "facebook", "twitter", "linkedin", "whatsapp", "x",
    };

    /// <summary>A link to another site that a story cites; null for anything else.</summary>
    public static Source? AsSource(AngleSharp.Dom.IElement link, Uri? pageUrl)
    {
        var name = HtmlEditionReader.Clean(link.TextContent);
        if (name.Length == 0 || IsButton(link) || WebAddress.Resolve(link.GetAttribute("href"), pageUrl) is not { } url)
        {
            return null;
        }
        var ownSite = pageUrl is not null && string.Equals(url.Host, pageUrl.Host, StringComparison.OrdinalIgnoreCase);
        return ownSite ? null : new Source(name, url);
    }

    /// <summary>Share, print, mail and subscribe links: page furniture, not words of the story.</summary>
    public static bool IsButton(AngleSharp.Dom.IElement link)
    {
        var href = link.GetAttribute("href")?.Trim() ?? "";
        var text = TextFolding.Key(HtmlEditionReader.Clean(link.TextContent));
        return ShareTexts.Contains(text)
            || ShareTexts.Any(t => text.StartsWith(t + " ", StringComparison.Ordinal) && (text.Contains(" sur ", StringComparison.Ordinal) || text.Contains(" on ", StringComparison.Ordinal)))
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || ShareAddresses.Any(s => href.Contains(s, StringComparison.OrdinalIgnoreCase));
    }
}
