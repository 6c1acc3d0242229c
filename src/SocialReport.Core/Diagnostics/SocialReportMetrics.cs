using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Diagnostics;

/// <summary>
/// The bot's own instruments, on the <c>SocialReport</c> meter: commands answered and how long they took, and what
/// deliveries did (sends by outcome, "too many requests" answers, messages waiting). Exported by OpenTelemetry when
/// the host turns it on; free when nobody listens.
/// </summary>
public sealed class SocialReportMetrics
{
    public const string MeterName = "SocialReport";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _throttled;
    private readonly UpDownCounter<long> _queued;

    public SocialReportMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _commands = meter.CreateCounter<long>("socialreport.commands", "{command}",
            "Commands answered, by channel, command and outcome (ok, unknown, refused, rate_limited, failed).");
        _commandDuration = meter.CreateHistogram<double>("socialreport.command.duration", "s",
            "Time to answer a command, by channel and command.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _sends = meter.CreateCounter<long>("socialreport.delivery.sends", "{message}",
            "Messages sent to readers, by channel and outcome (sent, retry_after, blocked, gone, moved, rejected, transient).");
        _throttled = meter.CreateCounter<long>("socialreport.delivery.throttled", "{response}",
            "\"Too many requests\" answers (HTTP 429) from a platform, by channel.");
        _queued = meter.CreateUpDownCounter<long>("socialreport.delivery.queued", "{message}",
            "Messages waiting to be sent, by channel.");
    }

    public void CommandHandled(string channel, string command, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "channel", channel }, { "command", command } };
        _commandDuration.Record(duration.TotalSeconds, tags);
        tags.Add("outcome", outcome);
        _commands.Add(1, tags);
    }

    /// <summary>What a platform answered to one message; a <see cref="SendOutcome.RetryAfter"/> also counts as throttled.</summary>
    public void MessageSent(string channel, SendOutcome outcome)
    {
        _sends.Add(1, new TagList { { "channel", channel }, { "outcome", OutcomeName(outcome) } });
        if (outcome is SendOutcome.RetryAfter)
            _throttled.Add(1, new TagList { { "channel", channel } });
    }

    /// <summary>Messages added to (positive) or taken from (negative) a channel's queue.</summary>
    public void QueueChanged(string channel, long delta) =>
        _queued.Add(delta, new TagList { { "channel", channel } });

    public static string OutcomeName(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.RetryAfter => "retry_after",
        SendOutcome.Blocked => "blocked",
        SendOutcome.Gone => "gone",
        SendOutcome.Moved => "moved",
        SendOutcome.Rejected => "rejected",
        SendOutcome.Transient => "transient",
        _ => "other",
    };
}
