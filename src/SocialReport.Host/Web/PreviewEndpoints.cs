using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <summary>Editions as readers will see them, from the archive or from a file that is imported but never published.</summary>
internal static class PreviewEndpoints
{
    /// <summary>The importer's own limit, plus room for the multipart envelope.</summary>
    private const long MaxUploadBytes = 2 * 1024 * 1024 + 64 * 1024;

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
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        return app;
    }

    /// <summary>Form fields: <c>file</c> (required), <c>format</c> (markdown, text, html), <c>lang</c> (fr, en).</summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, EditionImporter importer, EditionPreviewer previewer, CancellationToken cancellationToken)
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

        EditionFormat? format = null;
        if (form["format"].ToString() is { Length: > 0 } name)
        {
            if (!Enum.TryParse<EditionFormat>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Results.Problem($"Unknown format \"{name}\": markdown, text or html.", statusCode: StatusCodes.Status400BadRequest);
            format = parsed;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 } given ? given : "upload";
        try
        {
            var edition = importer.Import(fileName, content.ToArray(), format);
            return Results.Ok(previewer.Preview(edition, form["lang"].ToString()));
        }
        catch (EditionImportException e)
        {
            return Results.Problem(e.Message, title: "The edition cannot be imported", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["file"] = e.FileName, ["line"] = e.Line, ["reason"] = e.Reason });
        }
    }
}
