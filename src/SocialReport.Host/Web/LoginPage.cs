using System.Text;
using System.Text.Encodings.Web;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Web;

/// <summary>
/// The sign-in pages, written by the server (they carry the link's token and an antiforgery token): opening a link only
/// shows a button, so that a link preview fetching it signs no one in; the button's POST redeems the token.
/// </summary>
internal static class LoginPage
{
    private sealed record Words(string Title, string HowTo, string Button, string Refused, string Signed, string Open, string SignOut);

    private static readonly Words French = new(
        "Connexion à la console",
        "Pour vous connecter, envoyez /login au bot dans une conversation privée (Telegram ou Teams) : il répond par un lien valable 10 minutes, une fois. Seuls les éditeurs peuvent se connecter.",
        "Se connecter",
        "Ce lien ne fonctionne plus (déjà utilisé, expiré ou incomplet). Demandez-en un autre avec /login.",
        "Connecté en tant que {0}.",
        "Ouvrir la console",
        "Se déconnecter");

    private static readonly Words English = new(
        "Sign in to the console",
        "To sign in, send /login to the bot in a private chat (Telegram or Teams): it answers with a link that works for 10 minutes, once. Only editors can sign in.",
        "Sign in",
        "This link no longer works (used already, expired or cut short). Ask for another with /login.",
        "Signed in as {0}.",
        "Open the console",
        "Sign out");

    public static string Language(HttpRequest request) =>
        Languages.Of(request.Headers.AcceptLanguage.ToString().Split(',', 2)[0].Trim());

    /// <summary>With a token: the button that signs in. Without: how to get a link. <paramref name="refused"/>: the link did not work.</summary>
    public static IResult Render(HttpRequest request, string? token, string antiforgery, bool refused = false)
    {
        var lang = Language(request);
        var say = lang == Languages.English ? English : French;
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        var editor = request.HttpContext.User.Identity?.IsAuthenticated == true ? request.HttpContext.User.Editor() : null;
        if (refused) body.Append("<p class=\"error\" role=\"alert\" id=\"refused\">").Append(html.Encode(say.Refused)).Append("</p>");
        if (editor is not null && token is null)
        {
            body.Append("<p id=\"signed-in\">").Append(html.Encode(string.Format(System.Globalization.CultureInfo.InvariantCulture, say.Signed, editor))).Append("</p>")
                .Append("<p><a href=\"/console\">").Append(html.Encode(say.Open)).Append("</a></p>")
                .Append("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(html.Encode(antiforgery))
                .Append("\"><button type=\"submit\">").Append(html.Encode(say.SignOut)).Append("</button></form>");
        }
        else if (token is not null && !refused)
        {
            body.Append("<form method=\"post\" action=\"/login\" id=\"sign-in\">")
                .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(html.Encode(token)).Append("\">")
                .Append("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(html.Encode(antiforgery)).Append("\">")
                .Append("<button type=\"submit\" autofocus>").Append(html.Encode(say.Button)).Append("</button></form>");
        }
        else
        {
            body.Append("<p id=\"how-to\">").Append(html.Encode(say.HowTo)).Append("</p>");
        }
        var page = $"""
            <!doctype html>
            <html lang="{lang}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>{html.Encode(say.Title)} · Social Report</title>
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <header class="site"><a class="brand" href="/">Social Report</a></header>
              <main id="main" class="narrow">
                <h1>{html.Encode(say.Title)}</h1>
                {body}
              </main>
            </body>
            </html>
            """;
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
