using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Web;

/// <summary>
/// <c>GET /login?token=…</c> shows the sign-in button (a link preview fetching it uses nothing); <c>POST /login</c> redeems
/// the token once and starts the editor's session; <c>POST /logout</c> ends it. Wrong tokens count as guesses per address.
/// </summary>
internal static class LoginEndpoints
{
    private const int MaxFormBytes = 4096;

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("").RequireRateLimiting(ConsoleEndpoints.RateLimit);
        login.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, [FromQuery] string? token) =>
            LoginPage.Render(http.Request, token is { Length: > 0 and <= LoginTokens.MaxTokenLength } ? token : null, Tokens(http, antiforgery),
                refused: token is { Length: > LoginTokens.MaxTokenLength }));

        login.MapPost("/login", async (HttpContext http, IAntiforgery antiforgery, LoginTokens tokens, TokenGuesses guesses) =>
        {
            var address = ClientAddress.Of(http);
            if (!guesses.MayTry(address))
                return TokenGuesses.TooMany(http.Response);
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            var editor = tokens.Redeem(form?["token"].ToString());
            if (editor is null)
            {
                guesses.Missed(address);
                return LoginPage.Render(http.Request, null, Tokens(http, antiforgery), refused: true);
            }
            await ConsoleSignIn.SignInAsync(http, editor);
            return Results.Redirect("/console");
        }).WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes)).AddEndpointFilter(ConsoleSignIn.CheckAntiforgeryAsync);

        login.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(ConsoleSignIn.Scheme);
            return Results.Redirect("/login");
        }).WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes)).AddEndpointFilter(ConsoleSignIn.CheckAntiforgeryAsync);
        return app;
    }

    private static string Tokens(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!;
}
