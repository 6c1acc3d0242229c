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

    /// <summary>The importer's own limit.</summary>
    private const int MaxFileBytes = 2 * 1024 * 1024;
    /// <summary>The file, plus room for the multipart envelope.</summary>
    private const long MaxUploadBytes = MaxFileBytes + 64 * 1024;

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
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .RequireRateLimiting(RateLimit);
        return app;
    }

    /// <summary>Form fields: <c>file</c> (required), <c>format</c> (markdown, text, html), <c>lang</c> (fr, en), <c>date</c>
    /// (YYYY-MM-DD, wins over the file's own).</summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, EditionImporter importer, EditionPreviewer previewer, PreviewGate gate,
        TimeProvider time, CancellationToken aborted)
    {
        using var budget = new CancellationTokenSource(gate.Budget, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, aborted);
        try
        {
            return await PreviewAsync(request, importer, previewer, gate, time, both.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return Results.Problem(string.Create(CultureInfo.InvariantCulture, $"The preview took longer than {gate.Budget.TotalSeconds:0.#} s: try again later or with a smaller file."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request, EditionImporter importer, EditionPreviewer previewer, PreviewGate gate,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return Results.Problem("Send the edition as multipart/form-data, in a field named \"file\".", statusCode: StatusCodes.Status400BadRequest);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return Results.Problem(e.Message, statusCode: e.StatusCode);
        }
        catch (InvalidDataException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        if (form.Files.GetFile("file") is not { } file)
            return Results.Problem("No file: send the edition in a field named \"file\".", statusCode: StatusCodes.Status400BadRequest);
        if (file.Length > MaxFileBytes)
            return Results.Problem("The file is over 2 MB, the most an edition may be.", statusCode: StatusCodes.Status413PayloadTooLarge);

        EditionFormat? format = null;
        if (form["format"].ToString() is { Length: > 0 } name)
        {
            if (!Enum.TryParse<EditionFormat>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Results.Problem($"Unknown format \"{name}\": markdown, text or html.", statusCode: StatusCodes.Status400BadRequest);
            format = parsed;
        }

        DateOnly? date = null;
        if (form["date"].ToString() is { Length: > 0 } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return Results.Problem($"\"{Shorten(dateText)}\" is not a date: write it YYYY-MM-DD, e.g. 2020-03-13.", statusCode: StatusCodes.Status400BadRequest);
            date = parsed;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var bytes = content.ToArray();
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 } given ? given : "upload";
        var lang = form["lang"].ToString();
        var hints = EditionHints.None with { Format = format, Date = date };
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var running = gate.TryRun(() => Preview(importer, previewer, fileName, bytes, hints, today, lang));
        if (running is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem("Too many previews at once: try again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            return Results.Ok(await running.WaitAsync(cancellationToken));
        }
        catch (EditionImportException e)
        {
            return Results.Problem(e.Message, title: "The edition cannot be imported", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["file"] = e.FileName, ["line"] = e.Line, ["reason"] = e.Reason });
        }
    }

    /// <summary>A file that says nowhere when it was published is previewed dated today, with a warning that asks for the
    /// date, as <c>/publish</c> does in a chat: the editor sees the edition and what is missing, not a dead end.</summary>
    private static PreviewResponse Preview(EditionImporter importer, EditionPreviewer previewer, string fileName, byte[] bytes,
        EditionHints hints, DateOnly today, string lang)
    {
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

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
