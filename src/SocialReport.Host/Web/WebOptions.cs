namespace SocialReport.Host.Web;

/// <summary>Configuration section <c>Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";
    public const int MinStatusTokenLength = 32;

    /// <summary>The editors' token for the status page and <c>GET /api/status</c>; empty disables both.</summary>
    public string StatusToken { get; init; } = "";

    /// <summary>How long a status-page sign-in lasts.</summary>
    public TimeSpan StatusSignInLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses or networks
    /// (<c>10.0.0.0/8</c>). Empty: loopback only (a proxy on this machine).
    /// </summary>
    public List<string> TrustedProxies { get; init; } = [];

    /// <summary>File previews (<c>POST /api/preview</c>) one client address may ask for, as <c>10/1m</c>.</summary>
    public string PreviewRate { get; init; } = "10/1m";

    /// <summary>File previews imported at once on the whole host; more are refused (503) rather than queued.</summary>
    public int PreviewConcurrency { get; init; } = 2;

    /// <summary>How long a file preview may take, upload included, before it is answered 503.</summary>
    public TimeSpan PreviewTimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages one client address may send to the try-it chat (<c>POST /api/chat</c>), as <c>30/1m</c>.</summary>
    public string ChatRate { get; init; } = "30/1m";

    /// <summary>Try-it chats kept in memory; beyond it, the least recently used is forgotten.</summary>
    public int ChatSessions { get; init; } = 10_000;

    /// <summary>A try-it chat unused for this long is forgotten.</summary>
    public TimeSpan ChatSessionIdle { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The privacy statement served at <c>/privacy</c> (the Teams manifest links to it): an HTML file (<c>.html</c>) or
    /// plain text; relative: under the app's folder. Empty: <c>/privacy</c> answers 404.
    /// </summary>
    public string PrivacyFile { get; init; } = "";

    /// <summary>The terms of use served at <c>/terms</c>, as <see cref="PrivacyFile"/>.</summary>
    public string TermsFile { get; init; } = "";

    /// <summary>
    /// The host's public address (<c>https://bot.example.org</c>), for the links the bot hands out: a report's signed CSV
    /// download in Teams (<c>/report</c>). Empty: no such link.
    /// </summary>
    public string PublicUrl { get; init; } = "";
}

/// <summary>Configuration section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve the OpenTelemetry metrics in Prometheus' text format at <c>GET /metrics</c>.</summary>
    public bool Prometheus { get; init; }
}
