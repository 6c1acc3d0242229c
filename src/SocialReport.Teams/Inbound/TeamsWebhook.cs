using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using SocialReport.Teams.Auth;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Inbound;

/// <summary>The Bot Connector's entry: <c>POST</c> <see cref="Route"/>, mapped by <see cref="Extensions.MapTeams"/>.</summary>
internal static class TeamsWebhook
{
    /// <summary>The messaging endpoint to register for the bot (Azure Bot resource or Teams Developer Portal).</summary>
    public const string Route = "/api/messages";

    /// <summary>Teams refuses messages over about 100 KB of UTF-16; a request far larger is not an activity.</summary>
    public const int MaxActivityBytes = 512 * 1024;

    /// <summary>
    /// The token is checked before anything of the activity is used (only its channel, service URL and tenant are read,
    /// to be checked against the settings and the token); then the activity is handled inline and the connector gets
    /// 200 once the answer has been sent. So a 200 never stands for work still to do, and activities need no inbox (unlike
    /// Telegram's updates): one a crash interrupts gets no 200, and the connector reports the failure.
    /// </summary>
    internal static async Task<IResult> ReceiveAsync(
        HttpContext context,
        BotFrameworkTokenValidator validator,
        TeamsActivityHandler handler,
        IOptions<TeamsOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0 && !options.Value.AllowUnauthenticated)
        {
            loggers.CreateLogger(typeof(TeamsWebhook)).TeamsRequestWithoutAuthorization();
            return Results.Unauthorized();
        }

        var (activity, tooLarge) = await ReadAsync(context.Request, context.RequestAborted);
        var validation = await validator.ValidateAsync(authorization.Length == 0 ? null : authorization, ActivityOrigin.Of(activity), context.RequestAborted);
        if (!validation.Succeeded)
            return Results.Unauthorized();
        if (tooLarge)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (activity?.Type is null || activity.Conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl))
            return Results.BadRequest();

        try
        {
            // The connector may give up waiting; the answer is still sent, unless the host is stopping.
            var response = await handler.HandleAsync(activity, lifetime.ApplicationStopping);
            return response is null ? Results.Ok() : Results.Json(response, TeamsJson.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(TeamsWebhook)).TeamsActivityFailed(e, activity.Type, activity.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The activity, or null when the body is not one; <c>TooLarge</c> when it exceeds <see cref="MaxActivityBytes"/>.</summary>
    private static async Task<(Activity? Activity, bool TooLarge)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
            return (null, true);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxActivityBytes)
                return (null, true);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), TeamsJson.Options), false);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
