using System.Globalization;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <summary>An edition sent by a browser: the file (or pasted text), the hints given with it, the language of its labels.</summary>
internal sealed record Upload(string FileName, byte[] Content, EditionHints Hints, string Language);

/// <summary>
/// Editions sent as multipart forms (the public preview, the console's preview and publish): read within the size limit,
/// imported in a <see cref="PreviewGate"/> slot within its time budget, import errors answered 400.
/// </summary>
internal static class EditionUpload
{
    /// <summary>The importer's own limit.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;
    /// <summary>The file, plus room for the multipart envelope.</summary>
    public const long MaxUploadBytes = MaxFileBytes + 64 * 1024;

    /// <summary>Form fields: <c>file</c> (or <c>text</c>, pasted), <c>format</c> (markdown, text, html), <c>lang</c> (fr, en),
    /// <c>date</c> (YYYY-MM-DD, wins over the file's own).</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, PreviewGate gate, TimeProvider time, Func<Upload, IResult> work, CancellationToken aborted)
    {
        using var budget = new CancellationTokenSource(gate.Budget, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, aborted);
        try
        {
            var (upload, refused) = await ReadAsync(request, both.Token);
            if (upload is null)
                return refused!;
            var running = gate.TryRun(() => work(upload));
            if (running is null)
            {
                request.HttpContext.Response.Headers.RetryAfter = "5";
                return Results.Problem("Too many previews at once: try again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return await running.WaitAsync(both.Token);
        }
        catch (EditionImportException e)
        {
            return Results.Problem(e.Message, title: "The edition cannot be imported", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["file"] = e.FileName, ["line"] = e.Line, ["reason"] = e.Reason });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return Results.Problem(string.Create(CultureInfo.InvariantCulture, $"The preview took longer than {gate.Budget.TotalSeconds:0.#} s: try again later or with a smaller file."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<(Upload? Upload, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, Results.Problem("Send the edition as multipart/form-data, in a field named \"file\".", statusCode: StatusCodes.Status400BadRequest));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.Problem(e.Message, statusCode: e.StatusCode));
        }
        catch (InvalidDataException e)
        {
            return (null, Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest));
        }

        EditionFormat? format = null;
        if (form["format"].ToString() is { Length: > 0 } name)
        {
            if (!Enum.TryParse<EditionFormat>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return (null, Results.Problem($"Unknown format \"{Shorten(name)}\": markdown, text or html.", statusCode: StatusCodes.Status400BadRequest));
            format = parsed;
        }

        DateOnly? date = null;
        if (form["date"].ToString() is { Length: > 0 } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return (null, Results.Problem($"\"{Shorten(dateText)}\" is not a date: write it YYYY-MM-DD, e.g. 2020-03-13.", statusCode: StatusCodes.Status400BadRequest));
            date = parsed;
        }

        string fileName;
        byte[] bytes;
        if (form.Files.GetFile("file") is { } file)
        {
            if (file.Length > MaxFileBytes)
                return (null, Results.Problem("The file is over 2 MB, the most an edition may be.", statusCode: StatusCodes.Status413PayloadTooLarge));
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            bytes = content.ToArray();
            fileName = Path.GetFileName(file.FileName) is { Length: > 0 } given ? given : "upload";
        }
        else if (form["text"].ToString() is { Length: > 0 } pasted)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(pasted);
            if (bytes.Length > MaxFileBytes)
                return (null, Results.Problem("The text is over 2 MB, the most an edition may be.", statusCode: StatusCodes.Status413PayloadTooLarge));
            format ??= EditionFormat.Markdown;
            fileName = "pasted" + format switch { EditionFormat.Html => ".html", EditionFormat.Text => ".txt", _ => ".md" };
        }
        else
        {
            return (null, Results.Problem("No file: send the edition in a field named \"file\".", statusCode: StatusCodes.Status400BadRequest));
        }
        return (new Upload(fileName, bytes, EditionHints.None with { Format = format, Date = date }, form["lang"].ToString()), null);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
