using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Web;

internal sealed record StatusResponse(IReadOnlyList<ChatCount> Subscribers, BroadcastsStatus Broadcasts);

/// <param name="Available">False when no broadcast code is registered: there has been no broadcast yet.</param>
internal sealed record BroadcastsStatus(bool Available, IReadOnlyList<BroadcastSummary> Running, IReadOnlyList<BroadcastSummary> Past);

/// <summary>The editors' status: subscribers by channel and state, broadcasts running and past. Counts only, never who.</summary>
internal static class StatusEndpoints
{
    private const int PastBroadcasts = 20;
    private const int MaxSignInBytes = 4096;

    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", (HttpContext http, StatusAccess access, TokenGuesses guesses, IChatStore chats, IServiceProvider services) =>
        {
            if (!access.Enabled)
                return Results.Problem("The status page is disabled: set Web:StatusToken to enable it.", statusCode: StatusCodes.Status404NotFound);
            var bearer = http.Request.Headers.Authorization.Count > 0;
            var address = ClientAddress.Of(http);
            if (bearer && !guesses.MayTry(address))
                return TokenGuesses.TooMany(http.Response);
            if (!access.IsSignedIn(http.Request))
            {
                if (bearer)
                    guesses.Missed(address);
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem("Sign in with the status token.", statusCode: StatusCodes.Status401Unauthorized);
            }
            http.Response.Headers.CacheControl = "no-store";
            var broadcasts = services.GetService<IBroadcastStatus>();
            return Results.Ok(new StatusResponse(
                [.. chats.CountByState().OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.State).ThenBy(c => c.Kind)],
                broadcasts is null
                    ? new BroadcastsStatus(false, [], [])
                    : new BroadcastsStatus(true, broadcasts.Running(), broadcasts.Past(PastBroadcasts))));
        });

        app.MapPost("/status/sign-in", async (HttpContext http, StatusAccess access, TokenGuesses guesses) =>
        {
            if (!access.Enabled)
                return Results.Redirect("/status", preserveMethod: false);
            var address = ClientAddress.Of(http);
            if (!guesses.MayTry(address))
                return TokenGuesses.TooMany(http.Response);
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            if (!access.IsToken(form?["token"].ToString()))
            {
                guesses.Missed(address);
                return Results.Redirect("/status?refused=1");
            }
            // Behind a trusted proxy, IsHttps is the client's scheme (X-Forwarded-Proto).
            access.SignIn(http.Response, secure: http.Request.IsHttps);
            return Results.Redirect("/status");
        }).WithMetadata(new RequestSizeLimitAttribute(MaxSignInBytes));

        app.MapPost("/status/sign-out", (HttpContext http) =>
        {
            StatusAccess.SignOut(http.Response, secure: http.Request.IsHttps);
            return Results.Redirect("/status");
        });
        return app;
    }
}
