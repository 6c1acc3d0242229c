namespace SocialReport.Core.Delivery;

/// <summary>What a broadcast did, for <c>/report</c> and the console: its counts by channel and kind of chat, why sends failed, the stories' taps and opens, its recall.</summary>
public sealed record BroadcastReport(
    BroadcastRecord Broadcast,
    DeliveryCounts Counts,
    IReadOnlyList<ReportLine> Lines,
    IReadOnlyList<ReportReason> Reasons,
    IReadOnlyList<StoryCount> Stories,
    RecallSummary Recall)
{
    public int Taps => Stories.Sum(story => story.Taps);
    public int Opens => Stories.Sum(story => story.Opens);
}

/// <summary>The rows of one channel and kind of chat (Telegram private/group/channel, Teams personal/groupChat/channel) by state.</summary>
public sealed record ReportLine(string Channel, string Kind, int Sent, int Failed, int Blocked, int Gone, int Skipped, int Pending);

/// <summary>How many rows ended in <paramref name="State"/> for the same reason.</summary>
public sealed record ReportReason(DeliveryState State, string Reason, int Count);

/// <summary>One week (Monday 00:00 UTC to the next): subscribers at its end, sends of the broadcasts created in it, their stories' taps and opens.</summary>
public sealed record WeekTotals(DateOnly Week, int Subscribers, int Sends, int Taps, int Opens);
