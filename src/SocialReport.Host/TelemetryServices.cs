using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SocialReport.Core.Diagnostics;

namespace SocialReport.Host;

internal static class TelemetryServices
{
    /// <summary>The OpenTelemetry standard variable naming the collector; unset, nothing leaves the host.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces (requests, outgoing HTTP calls, the bot's commands and broadcast sends) and runtime and HTTP client
    /// metrics, on top of the metrics the web adds; sent over OTLP (metrics, traces and logs) only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and the other standard
    /// <c>OTEL_*</c> settings, read by the exporter itself).
    /// </summary>
    /// <remarks>
    /// Without a collector no tracer is registered: a listened-to source makes an activity for every request and every
    /// send of a broadcast, which nothing would read.
    /// </remarks>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
            return builder;
        telemetry
            .WithTracing(tracing => tracing
                .AddSource(SocialReportTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
