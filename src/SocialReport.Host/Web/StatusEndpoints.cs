using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Web;

internal sealed record StatusResponse(IReadOnlyList<ChatCount> Subscribers, BroadcastsStatus Broadcasts);

/// <param name="Available">False when no broadcast code is registered: there has been no broadcast yet.</param>
internal sealed record BroadcastsStatus(bool Available, IReadOnlyList<BroadcastSummary> Running, IReadOnlyList<BroadcastSummary> Past);

/// <summary>The editors' status: subscribers by channel and state, broadcasts running and past. Counts only, never who.</summary>
internal static class StatusEndpoints
{
    public const string SignInRateLimit = "status-sign-in";
    private const int PastBroadcasts = 20;

    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", (HttpContext http, StatusAccess access, IChatStore chats, IServiceProvider services) =>
        {
            if (!access.Enabled)
                return Results.Problem("The status page is disabled: set Web:StatusToken to enable it.", statusCode: StatusCodes.Status404NotFound);
            if (!access.IsSignedIn(http.Request))
            {
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

        app.MapPost("/status/sign-in", async (HttpContext http, StatusAccess access) =>
        {
            if (!access.Enabled)
                return Results.Redirect("/status", preserveMethod: false);
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            if (!access.IsToken(form?["token"].ToString()))
                return Results.Redirect("/status?refused=1");
            access.SignIn(http.Response, secure: http.Request.IsHttps);
            return Results.Redirect("/status");
        }).RequireRateLimiting(SignInRateLimit);

        app.MapPost("/status/sign-out", (HttpContext http) =>
        {
            StatusAccess.SignOut(http.Response);
            return Results.Redirect("/status");
        });
        return app;
    }
}
