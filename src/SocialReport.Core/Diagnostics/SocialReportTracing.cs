using System.Diagnostics;

namespace SocialReport.Core.Diagnostics;

/// <summary>
/// The bot's own spans, on the <c>SocialReport</c> activity source: one per command answered, one per broadcast,
/// one per message a broadcast sends, and one per Telegram update handled (in the trace of the webhook request that brought it). Exported by OpenTelemetry when the host turns it on; free when nobody listens.
/// </summary>
public static class SocialReportTracing
{
    public const string SourceName = "SocialReport";

    public static readonly ActivitySource Source = new(SourceName);
}
