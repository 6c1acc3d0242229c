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
    /// The host's public address as editors' browsers reach it (<c>https://bot.example.org</c>): <c>/login</c> links
    /// start with it, and so do the signed CSV downloads of <c>/report</c> in Teams. Empty: <c>/login</c> says the web
    /// console is not set up, and Teams reports come without a download link.
    /// </summary>
    public string PublicUrl { get; init; } = "";

    /// <summary>
    /// Where the keys that sign the console's session cookies are kept, so that a restart keeps editors signed in.
    /// Set by <c>SocialReportServices</c> when empty: beside the store (the LiteDB file's path + <c>.keys</c>, or
    /// <c>data/keys</c> with PostgreSQL); relative: under the app's folder.
    /// </summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>A console session unused this long ends (each request renews it).</summary>
    public TimeSpan ConsoleSessionIdle { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Requests to the console and its sign-in (<c>/login</c>, <c>/console/api</c>) one client address may make, as <c>120/1m</c>.</summary>
    public string ConsoleRate { get; init; } = "120/1m";
}

/// <summary>Configuration section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve the OpenTelemetry metrics in Prometheus' text format at <c>GET /metrics</c>.</summary>
    public bool Prometheus { get; init; }
}
