using SocialReport.Host.Web;
using SocialReport.Teams;
using SocialReport.Telegram;

namespace SocialReport.Host;

/// <summary>The ASP.NET Core application: configuration, services and endpoints.</summary>
public static class HostApp
{
    public static WebApplication Create(string[] args, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });
        builder.AddSocialReport();
        builder.AddWeb();
        builder.AddTelemetry();
        configure?.Invoke(builder);
        var app = builder.Build();
        // First, so that every limit and endpoint sees the client's address and scheme (from trusted proxies only).
        app.UseForwardedHeaders();
        ThreadPoolSizing.Apply(app.Services.InboundThreads());
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapTelegram();
        app.MapTeams();
        app.MapWeb();
        return app;
    }
}
