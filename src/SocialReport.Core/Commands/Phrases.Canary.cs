namespace SocialReport.Core.Commands;

// Canaries, recalls and reports (/broadcast … canary 5%, /recall, /report).
public sealed partial record Phrases
{
    /// <summary>{0} percent, {1} chats of the canary, {2} of the audience.</summary>
    public required string CanaryPlan { get; init; }
    public required string CanaryUsage { get; init; }
    /// <summary>{0} the broadcast, {1} percent.</summary>
    public required string CanaryStarted { get; init; }
    public required string CanaryDone { get; init; }
    public required string CanaryConfirmed { get; init; }
    public required string RecallUsage { get; init; }
    public required string RecallStarted { get; init; }
    /// <summary>{0} the broadcast, {1} deleted, {2} too old, {3} not found, {4} refused, {5} failed.</summary>
    public required string RecallDone { get; init; }
    public required string ReportUsage { get; init; }
    public required string BroadcastUnknown { get; init; }
    /// <summary>{0} the broadcast, {1} its state.</summary>
    public required string ReportTitle { get; init; }
    /// <summary>{0} rows, then sent, failed, blocked, gone, skipped, pending.</summary>
    public required string ReportTotals { get; init; }
    /// <summary>{0} channel, {1} kind of chat, then sent, failed, blocked, gone, skipped, pending.</summary>
    public required string ReportLine { get; init; }
    /// <summary>{0} state, {1} count, {2} reason.</summary>
    public required string ReportReason { get; init; }
    /// <summary>{0} story number, {1} taps, {2} opens.</summary>
    public required string ReportStory { get; init; }
    public required string ReportNoStories { get; init; }
    /// <summary>{0} deleted, {1} not deleted, {2} left.</summary>
    public required string ReportRecall { get; init; }
    public required string ReportDownload { get; init; }
    public required string ReportFileCaption { get; init; }
}
