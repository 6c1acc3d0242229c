using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Web;

/// <summary>
/// Editors' sessions in the web console: an ASP.NET Core cookie (HttpOnly, SameSite=Strict, Secure over https, sliding)
/// whose principal is the chat editor who redeemed a <c>/login</c> link (<see cref="EditorId"/>), checked against the
/// allow-lists at every request; the cookie's keys are kept in <see cref="WebOptions.KeysDirectory"/>, so a restart keeps
/// sessions. Every POST carries an antiforgery token.
/// </summary>
internal static class ConsoleSignIn
{
    public const string Scheme = "console";
    public const string Policy = "editor";
    public const string CookieName = "sr_console";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services)
    {
        services.AddSingleton<IConsoleLinks, ConsoleLinks>();
        services.AddDataProtection().SetApplicationName("SocialReport");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<WebOptions>, ILoggerFactory>((keys, web, logs) => keys.XmlRepository = new KeysFolder(web, logs));
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = RevalidateAsync,
                OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<WebOptions>, TimeProvider>((cookie, web, time) =>
        {
            cookie.ExpireTimeSpan = web.Value.ConsoleSessionIdle;
            cookie.TimeProvider = time;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ClaimTypes.NameIdentifier));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "sr_csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>The editor signed in to this request's session.</summary>
    public static string Editor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static Task SignInAsync(HttpContext http, string editor)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, editor), new Claim(ClaimTypes.Name, editor)], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
    }

    /// <summary>Rejects POSTs without a valid antiforgery token (header or form field).</summary>
    public static async ValueTask<object?> CheckAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.Problem("The request's antiforgery token is missing or wrong: reload the page.", statusCode: StatusCodes.Status400BadRequest);
        return await next(context);
    }

    /// <summary>An editor taken off the allow-lists is signed out at their next request.</summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var editors = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<EditorsOptions>>().CurrentValue;
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } editor && EditorId.IsListed(editors, editor))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    /// <summary>The console's API answers 401/403; its pages go to the page that says how to sign in.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/console/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect("/login");
        return Task.CompletedTask;
    }
}
