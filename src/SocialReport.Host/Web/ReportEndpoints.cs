using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Web;

/// <summary>
/// Broadcast reports for scripts and the console, behind the status access (<c>Web:StatusToken</c>, bearer or the status
/// sign-in): the report as JSON, every ledger row as CSV, the weekly totals. And the signed links <c>/report</c> gives in Teams.
/// The console (<see cref="ConsoleEndpoints"/>) answers the same, under the editor's session.
/// </summary>
internal static class ReportEndpoints
{
    private const int MaxTokenLength = 1024;

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<IReportLinks>(sp => sp.GetRequiredService<ReportLinks>());
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/broadcasts/{id}/report", (string id, HttpContext http, StatusAccess access, TokenGuesses guesses, BroadcastReports reports) =>
            Refusal(http, access, guesses) ?? Json(id, reports));

        app.MapGet("/api/broadcasts/{id}/report.csv", (string id, HttpContext http, StatusAccess access, TokenGuesses guesses, BroadcastReports reports) =>
            Refusal(http, access, guesses) ?? Csv(id, reports));

        app.MapGet("/api/reports/weekly", (int? weeks, HttpContext http, StatusAccess access, TokenGuesses guesses, BroadcastReports reports) =>
            Refusal(http, access, guesses) ?? Weekly(weeks, reports));

        app.MapGet("/reports/{token}", (string token, ReportLinks links, BroadcastReports reports) =>
            token.Length <= MaxTokenLength && links.BroadcastOf(token) is { } id ? Csv(id, reports) : Results.NotFound());
        return app;
    }

    public static IResult Json(string broadcastId, BroadcastReports reports) =>
        reports.Report(broadcastId) is { } report ? Results.Ok(report) : Results.NotFound();

    public static IResult Weekly(int? weeks, BroadcastReports reports) => Results.Ok(reports.Weekly(weeks ?? 12));

    /// <summary>Every ledger row of the broadcast as a CSV attachment.</summary>
    public static IResult Csv(string broadcastId, BroadcastReports reports)
    {
        // Only whether it exists: the rows are read once, while they stream out.
        if (!reports.Knows(broadcastId)) return Results.NotFound();
        return Results.Stream(async output => await reports.WriteCsvAsync(broadcastId, output),
            "text/csv; charset=utf-8", $"report-{broadcastId.Replace('#', '-')}.csv");
    }

    /// <summary>What the status endpoint answers to whoever is not signed in; null when the request may go on.</summary>
    private static IResult? Refusal(HttpContext http, StatusAccess access, TokenGuesses guesses)
    {
        if (!access.Enabled)
            return Results.Problem("Reports are off: set Web:StatusToken to enable them.", statusCode: StatusCodes.Status404NotFound);
        var bearer = http.Request.Headers.Authorization.Count > 0;
        var address = ClientAddress.Of(http);
        if (bearer && !guesses.MayTry(address))
            return TokenGuesses.TooMany(http.Response);
        if (access.IsSignedIn(http.Request))
        {
            http.Response.Headers.CacheControl = "no-store";
            return null;
        }
        if (bearer)
            guesses.Missed(address);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Sign in with the status token.", statusCode: StatusCodes.Status401Unauthorized);
    }
}
