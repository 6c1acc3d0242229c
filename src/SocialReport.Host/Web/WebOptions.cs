namespace SocialReport.Host.Web;

/// <summary>Configuration section <c>Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The editors' token for the status page and <c>GET /api/status</c>; empty disables both.</summary>
    public string StatusToken { get; init; } = "";

    /// <summary>How long a status-page sign-in lasts.</summary>
    public TimeSpan StatusSignInLifetime { get; init; } = TimeSpan.FromHours(12);
}

/// <summary>Configuration section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve the OpenTelemetry metrics in Prometheus' text format at <c>GET /metrics</c>.</summary>
    public bool Prometheus { get; init; }
}
