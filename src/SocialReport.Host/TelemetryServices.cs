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
    /// The tag combinations each metric stream keeps room for. OpenTelemetry's default, 2 000, is allocated up front:
    /// 144 KB a stream, 5.6 MB for the host's streams, for tags (channel, command, outcome, route, status) that take
    /// a few dozen; beyond this many, OpenTelemetry counts the rest under one overflow series.
    /// </summary>
    public const int TagCombinations = 500;

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
            .WithMetrics(metrics => metrics
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = TagCombinations }));
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
