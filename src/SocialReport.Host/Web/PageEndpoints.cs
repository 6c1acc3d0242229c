using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace SocialReport.Host.Web;

/// <summary>The three pages: static HTML from wwwroot that talks to the JSON API; and the operator's privacy and terms pages.</summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "index.html"));
        app.MapGet("/try", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "try.html"));
        app.MapGet("/status", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "status.html"));
        app.MapGet("/privacy", (IWebHostEnvironment env, IOptions<WebOptions> web) => OperatorPage(env, web.Value.PrivacyFile));
        app.MapGet("/terms", (IWebHostEnvironment env, IOptions<WebOptions> web) => OperatorPage(env, web.Value.TermsFile));
        return app;
    }

    /// <summary>A page the operator writes (<see cref="WebOptions.PrivacyFile"/>, <see cref="WebOptions.TermsFile"/>); none set or found: 404.</summary>
    private static IResult OperatorPage(IWebHostEnvironment env, string file)
    {
        if (string.IsNullOrWhiteSpace(file))
            return Results.NotFound();
        var path = Path.GetFullPath(file, env.ContentRootPath);
        if (!File.Exists(path))
            return Results.NotFound();
        var html = Path.GetExtension(path).Equals(".html", StringComparison.OrdinalIgnoreCase);
        return Results.File(path, html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        return file.Exists
            ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem($"{name} is missing from wwwroot.", statusCode: StatusCodes.Status500InternalServerError);
    }
}
