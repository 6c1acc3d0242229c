using System.Text.RegularExpressions;

namespace SocialReport.Core.Editions.Text;

/// <summary>Recognises the lines a web page's copy drags along that are not the newsletter's words: share and
/// subscribe buttons, image captions and credits, file names, bylines, dates, "Source : X" lines, section banners.</summary>
internal static partial class ChromeLines
{
    private static readonly HashSet<string> ButtonWords = new(StringComparer.Ordinal)
    {
        "je m'abonne", "s'abonner", "abonnez-vous", "abonnement", "imprimer", "partager", "partager cet article", "envoyer",
        "envoyer par mail", "envoyer par e-mail", "recherche", "rechercher", "menu", "fermer", "lire la suite", "lire aussi",
        "a lire aussi", "voir aussi", "voir plus", "en savoir plus", "commenter", "commentaires", "reagir", "retour",
        "accueil", "se connecter", "connexion", "s'inscrire", "inscription", "publicite", "sponsorise", "suivant", "precedent",
        "telecharger", "tout accepter", "accepter", "refuser", "j'accepte", "ecouter", "copier le lien", "favoris",
        "ajouter a mes favoris", "newsletter", "recevoir la newsletter", "haut de page", "retour en haut",
        "subscribe", "subscribe now", "share", "share this", "share this article", "tweet", "print", "email", "e-mail",
        "read more", "read next", "continue reading", "search", "sign in", "sign up", "log in", "login", "close",
        "back to top", "related articles", "related", "advertisement", "sponsored", "next", "previous", "download",
        "accept", "accept all", "reject", "listen", "copy link", "save", "comments", "comment", "follow", "follow us",
        "suivez-nous", "facebook", "twitter", "linkedin", "instagram", "youtube", "whatsapp", "pinterest", "x",
        "pocket", "flipboard", "messenger", "reddit", "mail", "rss", "tweeter", "mentions legales", "contact", "nous contacter",
        "plan du site", "cgu", "cgv", "a propos", "about", "about us", "contact us", "terms", "privacy", "sitemap", "home",
        "skip to main content", "skip to content", "aller au contenu", "aller au contenu principal", "passer au contenu",
        "leave a reply", "laisser un commentaire", "copie", "copied", "top of page", "live now", "masquer",
    };

    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Address();

    [GeneratedRegex(@"^\S.{0,150}\.(?:png|jpe?g|gif|webp|svg|avif|heic|tiff?|bmp|mp4|mov|webm|pdf)$", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex FileName();

    /// <summary>An image's or page's name with no extension: "DSC030432-w640", "10-infos-social-media-mai-2022".</summary>
    [GeneratedRegex(@"^(?=[\w-]*[-_])(?=[\w-]*\d)[\w-]{6,120}$", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Slug();

    [GeneratedRegex(@"^\(?(?:©|\(c\)|copyright\b|logo\b|cr[ée]dits?(?: photo)?\s*:|photos?\s*:|images?\s*:|illustration\s*:|visuel\s*:|(?:photo|image) credit\s*:|(?:photo|image|illustration)s? (?:by|par|de|credit)\b|getty images|shutterstock|dr\)?$)", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^(?:(?:publi[ée]e?|r[ée]dig[ée]e?|[ée]crite?|post[ée]e?|mise? [àa] jour)\s+(?:par|le|il y a)\b|(?:written|posted|published|updated)\s+(?:by|on|at)\b|(?:latest\s+)?updated?\s*:|(?<short>par|by)\s+\p{Lu})", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex BylineStart();

    /// <summary>The names end on a non-space: <c>.+?\s*</c> would try every run of spaces from every start (quadratic).</summary>
    [GeneratedRegex(@"^\(?\s*(?:(?:video|vid[ée]o|photo|image)\s+)?(?:sources?|via|d'apr[eè]s)\s*:\s*(?<names>.*?\S)\s*\)?\.?$", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"\b(?:newsletter|round-?up|digest|weekly|hebdo|[àa] la une|en bref|sommaire|in this issue|dans ce num[ée]ro|top stories|[àa] retenir|the week in|la semaine en)\b", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex BannerWords();

    [GeneratedRegex(@"\b(?:unsubscribe|se d[ée]sabonner|d[ée]sinscri(?:re|ption)|mentions l[ée]gales|all rights reserved|tous droits r[ée]serv[ée]s|privacy policy|politique de confidentialit[ée]|cookie settings|param[eè]tres des cookies|view in browser|voir la version en ligne)\b", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex FooterWords();

    /// <summary>Links to other pages, calls to follow or subscribe, reading times and counters.</summary>
    [GeneratedRegex(@"^(?:(?:[àa] )?(?:lire|voir|relire|d[ée]couvrir) (?:aussi|[ée]galement|plus)\b|(?:read|see) (?:also|more)\b|related\s*:|pour aller plus loin\b|suivez[- ]nous\b|follow us\b|partager sur\b|share (?:on|this)\b|abonnez-vous\b|inscrivez-vous\b|subscribe to\b|sign up (?:for|to)\b|(?:tags?|mots[- ]cl[ée]s|th[èe]mes|topics|cat[ée]gories?|categories)\s*:|\d+\s*(?:min(?:utes?)?\.?\s*(?:de lecture|read)|commentaires?|comments?|partages?|shares?|likes?|vues|views)$)", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PageLinks();

    /// <summary>"Accueil › Veille › Réseaux sociaux", "Home / News / Social".</summary>
    [GeneratedRegex(@"^[^.!?]{1,60}(?:\s+[›>»/|]\s+[^.!?]{1,60}){2,}$", RegexOptions.NonBacktracking, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?:read more|continue reading|lire la suite|en savoir plus)\s?[.…!>›»]?$", RegexOptions.IgnoreCase, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ReadMoreAtEnd();

    [GeneratedRegex(@"^[\s•·\-–—*|>›»◦▪●]+", RegexOptions.None, ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadingSymbols();

    public static IReadOnlyList<TextLine> Classify(IReadOnlyList<string> lines)
    {
        var result = new TextLine[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            result[i] = new TextLine(i + 1, lines[i], KindOf(lines[i]));
        }
        MarkCaptions(result);
        NeighbourChrome.Mark(result);
        return result;
    }

    /// <summary>"Source : Le Monde, Les Echos" gives the two names; null when the line is not a source line.</summary>
    public static string? SourceNames(string line) =>
        SourceLine().Match(line) is { Success: true } match ? match.Groups["names"].Value : null;

    public static bool IsBylineText(string line) => BylineStart().IsMatch(line);

    /// <summary>"… in just 36 hours. Read more.": the link's words glued to the paragraph it follows.</summary>
    public static string WithoutReadMore(string paragraph) =>
        ReadMoreAtEnd().Match(paragraph) is { Success: true, Index: > 0 } match ? paragraph[..match.Index] : paragraph;

    private static LineKind KindOf(string line)
    {
        if (line.Length == 0)
        {
            return LineKind.Blank;
        }
        var bare = LeadingSymbols().Replace(line, "").Trim().TrimEnd('>', '›', '→', '»', ':').Trim();
        if (bare.Length == 0 || ButtonWords.Contains(TextFolding.Key(bare)) || !bare.Any(char.IsLetterOrDigit))
        {
            return LineKind.Button;
        }
        var words = PlainText.CountWords(bare);
        return line switch
        {
            _ when Address().IsMatch(bare) => LineKind.Address,
            _ when (FileName().IsMatch(bare) && words <= 12) || Slug().IsMatch(bare) => LineKind.FileName,
            _ when NeighbourChrome.IsEmbeddedPost(bare) => LineKind.Embed,
            _ when NeighbourChrome.IsLabelList(bare) => LineKind.Label,
            _ when words <= 3 && char.IsSurrogate(bare[0]) && !EndsSentence(bare) => LineKind.Label,
            _ when Credit().IsMatch(bare) && words <= 15 => LineKind.Caption,
            _ when SourceLine().IsMatch(bare) && words <= 15 => LineKind.SourceLine,
            // A footer's links are a few words each; a headline may well be about a privacy policy.
            _ when (words <= 8 && FooterWords().IsMatch(bare)) || (words <= 15 && (PageLinks().IsMatch(bare) || Breadcrumb().IsMatch(bare))) => LineKind.Button,
            _ when IsByline(bare, words) => LineKind.Byline,
            _ when IsDateLine(bare, words) => LineKind.DateLine,
            _ when words <= 6 && BannerWords().IsMatch(TextFolding.Fold(bare)) && !EndsSentence(bare) => LineKind.Banner,
            _ => LineKind.Content,
        };
    }

    /// <summary>"Publié par Alexandre Lecouvé le", "By Jane Doe | March 6, 2020", "Mis à jour le 6 mars 2020 à 10h".</summary>
    private static bool IsByline(string line, int words)
    {
        var match = BylineStart().Match(line);
        if (!match.Success || words > 12 || EndsSentence(line))
        {
            return false;
        }
        // "Par Ambre Limousi et Gwenaëlle Lepeltier" is a byline, "Par ailleurs, il …" is not.
        return !match.Groups["short"].Success
            || (words <= 8 && line.Split(' ').Skip(1).TakeWhile(w => w != "|").Where(w => w.Length > 3 && char.IsLetter(w[0])).All(w => char.IsUpper(w[0])));
    }

    /// <summary>"06 mars 2020", "Semaine du lundi 8 février 2021": a short line that is mostly a date.</summary>
    private static bool IsDateLine(string line, int words) =>
        words <= 12 && DateFinder.Whole(line) is not null
        || (words <= 6 && !EndsSentence(line) && DateFinder.Find(line).Any(d => d.Year is not null || d.Weekday is not null));

    /// <summary>A picture's caption sits right above its credit ("Logo de TikTok Shop" / "© Logo de TikTok Shop",
    /// "Instagram's new setting." / "Photo credit: Instagram"), with no blank line between.</summary>
    private static void MarkCaptions(TextLine[] lines)
    {
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].Kind == LineKind.Content && lines[i + 1].Kind == LineKind.Caption && PlainText.CountWords(lines[i].Text) <= 30)
            {
                lines[i] = lines[i] with { Kind = LineKind.Caption };
            }
        }
    }

    /// <summary>A final emoji closes a paragraph as a full stop would ("… qu'il ne fallait pas manquer 💡").</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && (trimmed[^1] is '.' or '!' or '?' or '…' or ':' or ';' or '»' or '"' or '”' or ')' || char.IsLowSurrogate(trimmed[^1]));
    }
}
