using Microsoft.Extensions.FileProviders;

namespace SocialReport.Host.Web;

/// <summary>The three pages: static HTML from wwwroot that talks to the JSON API.</summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "index.html"));
        app.MapGet("/try", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "try.html"));
        app.MapGet("/status", (IWebHostEnvironment env) => Page(env.WebRootFileProvider, "status.html"));
        return app;
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        return file.Exists
            ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem($"{name} is missing from wwwroot.", statusCode: StatusCodes.Status500InternalServerError);
    }
}
