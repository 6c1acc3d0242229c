using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Archive;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <param name="Canary">The share of the audience (1–50 %) a canary sends to first; null: everyone at once.</param>
internal sealed record PlanRequest(string? Edition, bool Force, string? Lang, int? Canary = null);

internal sealed record ScheduleRequest(string? Edition, string? Local, string? TimeZone, bool Force);

internal sealed record IdRequest(string? Id);

/// <summary>
/// The web console (<c>/console</c>) for signed-in editors: preview and publish an edition, plan, confirm, watch and cancel
/// a broadcast (or a canary first), recall it, read its report (JSON, CSV) and the weekly totals, schedule one and cancel
/// schedules; all on <see cref="EditorActions"/>, the engine the chat commands use.
/// Every call needs the session cookie, every POST an antiforgery token; per-address rate limit, size limits.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string RateLimit = "console";
    private const int MaxJsonBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console", (IWebHostEnvironment env) => Results.Stream(env.WebRootFileProvider.GetFileInfo("console.html").CreateReadStream(), "text/html; charset=utf-8"))
            .RequireAuthorization(ConsoleSignIn.Policy).RequireRateLimiting(RateLimit);

        var api = app.MapGroup("/console/api")
            .RequireAuthorization(ConsoleSignIn.Policy)
            .RequireRateLimiting(RateLimit)
            .AddEndpointFilter(ConsoleSignIn.CheckAntiforgeryAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBytes));

        api.MapGet("/session", (HttpContext http, IAntiforgery antiforgery) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { editor = http.User.Editor(), antiforgery = antiforgery.GetAndStoreTokens(http).RequestToken });
        });

        api.MapPost("/preview", (HttpRequest request, EditionImporter importer, EditionPreviewer previewer, PreviewGate gate, TimeProvider time, CancellationToken aborted) =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return EditionUpload.HandleAsync(request, gate, time, upload => Results.Ok(PreviewEndpoints.Preview(importer, previewer, upload, today)), aborted);
        }).WithMetadata(new RequestSizeLimitAttribute(EditionUpload.MaxUploadBytes));

        api.MapPost("/publish", (HttpContext http, EditionImporter importer, EditorActions actions, PreviewGate gate, TimeProvider time, CancellationToken aborted) =>
            EditionUpload.HandleAsync(http.Request, gate, time, upload => Publish(importer, actions, upload, http.User.Editor()), aborted))
            .WithMetadata(new RequestSizeLimitAttribute(EditionUpload.MaxUploadBytes));

        api.MapPost("/broadcasts/plan", (HttpContext http, PlanRequest request, EditorActions actions) =>
        {
            if (request.Canary is { } percent && !CanarySample.IsValid(percent))
                return Results.Problem("A canary is 1 to 50 % of the audience.", statusCode: StatusCodes.Status400BadRequest);
            var plan = actions.Plan(request.Edition, request.Force, http.User.Editor(), Lang(request.Lang), request.Canary);
            return plan is null
                ? Results.Problem("No such edition in the archive.", statusCode: StatusCodes.Status404NotFound)
                : Results.Ok(new
                {
                    edition = plan.Plan.EditionId,
                    plan.Plan.Force,
                    toSend = plan.Plan.ToSend,
                    channels = plan.Plan.Channels,
                    channelsOff = plan.Plan.ChannelsOff,
                    estimatedSeconds = (int)Math.Ceiling(plan.Plan.EstimatedDuration.TotalSeconds),
                    running = plan.Plan.Running?.Id,
                    plan.Text,
                    awaitsConfirmation = plan.AwaitsConfirmation,
                    canary = plan.CanarySize is null ? null : request.Canary,
                    canarySize = plan.CanarySize,
                });
        });

        api.MapPost("/broadcasts/confirm", async (HttpContext http, EditorActions actions, CancellationToken aborted) =>
            await actions.ConfirmAsync(http.User.Editor(), aborted) is { } start
                ? Results.Ok(new { broadcast = start.Broadcast.Id, edition = start.Broadcast.EditionId, alreadyRunning = start.AlreadyRunning, canary = start.Broadcast.CanaryPercent })
                : Results.Problem("No broadcast waits for a confirmation (none planned, or planned over 10 minutes ago): plan it again.", statusCode: StatusCodes.Status409Conflict));

        api.MapPost("/broadcasts/drop", (HttpContext http, EditorActions actions) => Results.Ok(new { dropped = actions.Drop(http.User.Editor()) }));

        api.MapPost("/broadcasts/cancel", (HttpContext http, IdRequest request, EditorActions actions) =>
            request.Id is { Length: > 0 and <= 200 } id && actions.Cancel(id, http.User.Editor()) is { } cancelled
                ? Results.Ok(new { broadcast = cancelled.Id, state = cancelled.State })
                : Results.Problem("No such broadcast running.", statusCode: StatusCodes.Status404NotFound));

        api.MapPost("/broadcasts/confirm-canary", async (HttpContext http, IdRequest request, EditorActions actions, CancellationToken aborted) =>
            request.Id is { Length: > 0 and <= 200 } id && await actions.ConfirmCanaryAsync(id, http.User.Editor(), aborted) is { } confirmed
                ? Results.Ok(new { broadcast = confirmed.Id, state = confirmed.State })
                : Results.Problem("No such canary waits for a confirmation.", statusCode: StatusCodes.Status409Conflict));

        api.MapPost("/broadcasts/recall", async (HttpContext http, IdRequest request, EditorActions actions, CancellationToken aborted) =>
            request.Id is { Length: > 0 and <= 200 } id && await actions.RecallAsync(id, http.User.Editor(), aborted) is { } recall
                ? Results.Ok(recall)
                : Results.Problem("No such broadcast.", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/broadcasts/{id}/recall", (string id, EditorActions actions) =>
            actions.RecallStatus(id) is { } recall ? Results.Ok(recall) : Results.Problem("No such broadcast.", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/broadcasts/{id}/report", (string id, HttpContext http, BroadcastReports reports) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return ReportEndpoints.Json(id, reports);
        });

        api.MapGet("/broadcasts/{id}/report.csv", (string id, HttpContext http, BroadcastReports reports) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return ReportEndpoints.Csv(id, reports);
        });

        api.MapGet("/reports/weekly", (int? weeks, BroadcastReports reports) => ReportEndpoints.Weekly(weeks, reports));

        api.MapGet("/broadcasts", (IBroadcastStatus status) => Results.Ok(new { running = status.Running(), past = status.Past(10) }));

        api.MapGet("/broadcasts/{id}/events", ConsoleProgress.StreamAsync);

        api.MapGet("/schedules", (EditorActions actions) => Results.Ok(actions.Pending().Select(Schedule)));

        api.MapPost("/schedules", (HttpContext http, ScheduleRequest request, EditorActions actions, IEditionArchive archive) =>
        {
            if (request.Local is null || !ScheduleTime.TryParseLocal(request.Local, out var local))
                return Results.Problem("Give the time as YYYY-MM-DDTHH:MM.", statusCode: StatusCodes.Status400BadRequest);
            if (request.TimeZone is not { Length: > 0 and <= 100 } zone)
                return Results.Problem("Give the time zone, e.g. Europe/Paris.", statusCode: StatusCodes.Status400BadRequest);
            var edition = string.IsNullOrEmpty(request.Edition) ? ScheduledBroadcast.Latest : request.Edition;
            if (edition != ScheduledBroadcast.Latest && archive.Get(edition) is null)
                return Results.Problem("No such edition in the archive.", statusCode: StatusCodes.Status404NotFound);
            try
            {
                return Results.Ok(Schedule(actions.Schedule(edition, local, zone, request.Force, http.User.Editor())));
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message.Split(" (Parameter", 2)[0], statusCode: StatusCodes.Status400BadRequest);
            }
        });

        api.MapPost("/schedules/cancel", (HttpContext http, IdRequest request, EditorActions actions) =>
            request.Id is { Length: > 0 and <= 200 } id && actions.CancelSchedule(id, http.User.Editor())
                ? Results.Ok(new { schedule = id })
                : Results.Problem("No such schedule pending.", statusCode: StatusCodes.Status404NotFound));
        return app;
    }

    private static IResult Publish(EditionImporter importer, EditorActions actions, Upload upload, string editor)
    {
        Edition edition;
        try
        {
            edition = importer.Import(upload.FileName, upload.Content, upload.Hints);
        }
        catch (EditionImportException e) when (e.DateMissing)
        {
            return Results.Problem("The edition says nowhere when it was published: give its date.", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["dateMissing"] = true });
        }
        var result = actions.Publish(edition, editor);
        return Results.Ok(new { edition = result.EditionId, outcome = result.Outcome, revision = result.Revision, date = edition.Date, title = edition.Title });
    }

    /// <summary>Due time in UTC (ISO 8601): the page shows it in the editor's own zone.</summary>
    private static object Schedule(ScheduledBroadcast schedule) => new
    {
        id = schedule.Id,
        edition = schedule.EditionId,
        dueAt = schedule.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        requestedBy = schedule.RequestedBy,
        force = schedule.Force,
    };

    private static string Lang(string? lang) => Languages.Of(lang);
}
