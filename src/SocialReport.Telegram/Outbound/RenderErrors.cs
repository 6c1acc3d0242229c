using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace SocialReport.Telegram.Outbound;

/// <summary>Telegram refused a text the renderer produced: a rendering bug, logged and counted, never retried.</summary>
internal static class RenderErrors
{
    public const string MeterName = "SocialReport.Telegram";
    public const string CounterName = "socialreport.telegram.render_errors";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>(CounterName, description: "Messages Telegram refused to parse or accept");

    public static void Record(ILogger logger, long chatId, string message, string reason)
    {
        Counter.Add(1);
        logger.TelegramRenderingRefused(message, chatId, reason);
    }
}
