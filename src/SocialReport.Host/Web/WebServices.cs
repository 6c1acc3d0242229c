using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SocialReport.Core.Delivery;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Readers;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host.Web;

/// <summary>The site: preview, try-it chat, editors' status; readiness and metrics.</summary>
internal static class WebServices
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateOnStart()
            .PostConfigure<IOptions<StorageOptions>, IHostEnvironment>((web, storage, env) => web.KeysDirectory = web.KeysDirectory switch
            {
                "" when storage.Value.UsesPostgreSql => ContentRoot.Resolve(env.ContentRootPath, "data/keys"),
                "" => storage.Value.Path + ".keys",
                var path => ContentRoot.Resolve(env.ContentRootPath, path),
            });
        services.AddConsoleSignIn();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ProxyAddresses>();
        services.AddSingleton<StatusAccess>();
        services.AddReports();
        services.AddSingleton<TokenGuesses>();
        services.AddSingleton<PreviewGate>();
        services.AddSingleton<WebChatStore>();
        // Any visitor can invent try-it sessions: those chats stay in memory, never in the store (whichever it is).
        var stored = StoredChats(services);
        services.Replace(ServiceDescriptor.Singleton<IChatStore>(sp => new ChatStoreByChannel(stored(sp), sp.GetRequiredService<WebChatStore>())));
        services.AddSingleton<EditionPreviewer>();
        services.AddSingleton<WebCardRenderer>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive");

        // The public endpoints, per client address (ProxyAddresses applies a trusted proxy's X-Forwarded-For first).
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PreviewEndpoints.RateLimit, http => PerClient(http, web => web.PreviewRate));
            limiter.AddPolicy(ChatEndpoints.RateLimit, http => PerClient(http, web => web.ChatRate));
            limiter.AddPolicy(ConsoleEndpoints.RateLimit, http => PerClient(http, web => web.ConsoleRate));
        });

        // Always collected (cheap); served at /metrics only when Metrics:Prometheus is on, which MapWeb reads from the
        // built app's configuration (every source applied by then).
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SocialReportMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, Func<WebOptions, string> rate) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ =>
        {
            var limit = RateLimitSpec.Parse(rate(http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value));
            return new FixedWindowRateLimiterOptions { PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0 };
        });

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPages();
        app.MapPreviewApi();
        app.MapChatApi();
        app.MapStatus();
        app.MapLogin();
        app.MapConsole();
        app.MapReports();
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

    /// <summary>The chat store registered so far (the store's), as a factory the wrapper can call.</summary>
    private static Func<IServiceProvider, IChatStore> StoredChats(IServiceCollection services)
    {
        var stored = services.Last(d => d.ServiceType == typeof(IChatStore) && !d.IsKeyedService);
        if (stored.ImplementationFactory is { } factory) return sp => (IChatStore)factory(sp);
        if (stored.ImplementationInstance is IChatStore instance) return _ => instance;
        var type = stored.ImplementationType!;
        return sp => (IChatStore)ActivatorUtilities.GetServiceOrCreateInstance(sp, type);
    }
}
