using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <summary>
/// Editions as readers will see them, from the archive or from a file that is imported but never published. The file
/// preview is public (the site's showcase), so it is limited per client address, in concurrency and in time.
/// </summary>
internal static class PreviewEndpoints
{
    public const string RateLimit = "preview";

    public static IEndpointRouteBuilder MapPreviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/editions", (IEditionArchive archive, int? skip, int? take) =>
            archive.List(Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 100, 1, 500))
                .Select(e => new { id = e.EditionId, e.Title, e.Date, e.Language, e.Stories, e.Revision, e.PublishedAt }));

        app.MapGet("/api/editions/{id}/preview", (string id, string? lang, IEditionArchive archive, EditionPreviewer previewer) =>
            archive.Get(id) is { } edition
                ? Results.Ok(previewer.Preview(edition, lang))
                : Results.Problem($"No edition {id} in the archive.", statusCode: StatusCodes.Status404NotFound));

        app.MapPost("/api/preview", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(EditionUpload.MaxUploadBytes))
            .RequireRateLimiting(RateLimit);
        return app;
    }

    /// <summary>Form fields: see <see cref="EditionUpload"/>.</summary>
    private static Task<IResult> UploadAsync(HttpRequest request, EditionImporter importer, EditionPreviewer previewer, PreviewGate gate,
        TimeProvider time, CancellationToken aborted)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return EditionUpload.HandleAsync(request, gate, time, upload => Results.Ok(Preview(importer, previewer, upload, today)), aborted);
    }

    /// <summary>A file that says nowhere when it was published is previewed dated today, with a warning that asks for the
    /// date, as <c>/publish</c> does in a chat: the editor sees the edition and what is missing, not a dead end.</summary>
    internal static PreviewResponse Preview(EditionImporter importer, EditionPreviewer previewer, Upload upload, DateOnly today)
    {
        var (fileName, bytes, hints, lang) = upload;
        try
        {
            return previewer.Preview(importer.Import(fileName, bytes, hints), lang);
        }
        catch (EditionImportException e) when (e.DateMissing)
        {
            var preview = previewer.Preview(importer.Import(fileName, bytes, hints with { Date = today }), lang);
            var missing = new EditionProblem(null, "warning", "no-date",
                string.Create(CultureInfo.InvariantCulture,
                $"No date found in the text, the file name or the page's metadata: previewed as of today ({today:yyyy-MM-dd}); give the edition's date."));
            return preview with { DateMissing = true, Problems = [missing, .. preview.Problems] };
        }
    }
}
