using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using SocialReport.Core.Diagnostics;

namespace SocialReport.Host.Web;

/// <summary>The site: preview, try-it chat, editors' status; readiness and metrics.</summary>
internal static class WebServices
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName);
        services.AddSingleton<StatusAccess>();
        services.AddSingleton<EditionPreviewer>();
        services.AddSingleton<WebCardRenderer>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive");

        // Guessing the status token: a handful of tries a minute per address.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(StatusEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
        });

        // Always collected (cheap); served at /metrics only when Metrics:Prometheus is on, which MapWeb reads from the
        // built app's configuration (every source applied by then).
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SocialReportMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRateLimiter();

        app.MapPages();
        app.MapPreviewApi();
        app.MapChatApi();
        app.MapStatus();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteReadinessAsync });
        if (app.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>()?.Prometheus == true)
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>Pages run only their own scripts; nothing frames them.</summary>
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
