using System.Globalization;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Reports of broadcasts, read from the ledger and the story counts: what <c>/report</c> shows and what the console exports.
/// Rows deleted by the retention (<see cref="DeliveryOptions.RetentionDays"/>) leave their broadcast's final counts only.
/// </summary>
public sealed class BroadcastReports(IDeliveryLedger ledger, IChatStore chats, TimeProvider time, IStoryCounts? stories = null)
{
    /// <summary>The report of a broadcast; null when unknown.</summary>
    public BroadcastReport? Report(string broadcastId)
    {
        var broadcast = ledger.Get(broadcastId);
        if (broadcast is null) return null;
        var rows = WithKinds(ledger.Rows(broadcastId)).ToList();
        var lines = rows.GroupBy(pair => (pair.Row.Channel, pair.Kind))
            .OrderBy(group => group.Key.Channel, StringComparer.Ordinal).ThenBy(group => group.Key.Kind, StringComparer.Ordinal)
            .Select(group =>
            {
                int Of(DeliveryState state) => group.Count(pair => pair.Row.State == state);
                return new ReportLine(group.Key.Channel, group.Key.Kind, Of(DeliveryState.Sent), Of(DeliveryState.Failed), Of(DeliveryState.Blocked),
                    Of(DeliveryState.Gone), Of(DeliveryState.Skipped), Of(DeliveryState.Pending));
            }).ToList();
        var reasons = rows.Where(pair => pair.Row.State is not (DeliveryState.Sent or DeliveryState.Pending))
            .GroupBy(pair => (pair.Row.State, Reason: pair.Row.LastError ?? ""))
            .Select(group => new ReportReason(group.Key.State, group.Key.Reason, group.Count()))
            .OrderByDescending(reason => reason.Count).ThenBy(reason => reason.Reason, StringComparer.Ordinal)
            .ToList();
        var counts = rows.Count > 0 || broadcast.Final is null ? ledger.Counts(broadcastId) : broadcast.Final;
        return new BroadcastReport(broadcast, counts, lines, reasons, stories?.Of(broadcastId) ?? [], RecallSummary.Of(broadcast, rows.Select(pair => pair.Row)));
    }

    /// <summary>Whether the ledger has this broadcast (one read, no rows).</summary>
    public bool Knows(string broadcastId) => ledger.Get(broadcastId) is not null;

    /// <summary>Writes every ledger row of a broadcast as CSV (<see cref="ReportCsv"/>); false when the broadcast is unknown.</summary>
    public async Task<bool> WriteCsvAsync(string broadcastId, Stream output, CancellationToken cancellationToken = default)
    {
        var broadcast = ledger.Get(broadcastId);
        if (broadcast is null) return false;
        await ReportCsv.WriteAsync(broadcast, WithKinds(ledger.Rows(broadcastId)), output, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The last <paramref name="weeks"/> weeks, oldest first: active subscribers at each week's end (by their subscription date),
    /// sends of the broadcasts created that week, and their stories' taps and opens (for the console's chart).
    /// </summary>
    public IReadOnlyList<WeekTotals> Weekly(int weeks = 12)
    {
        weeks = Math.Clamp(weeks, 1, 260);
        var thisWeek = MondayOf(time.GetUtcNow());
        var first = thisWeek.AddDays(-7 * (weeks - 1));
        var subscribed = chats.CountByState().Select(count => count.Channel).Distinct(StringComparer.Ordinal)
            .SelectMany(channel => chats.Active(channel))
            .Select(chat => chat.SubscribedAt is { } at ? MondayOf(at) : DateOnly.MinValue)
            .GroupBy(week => week).ToDictionary(group => group.Key, group => group.Count());
        var broadcasts = ledger.History(10_000).Where(broadcast => MondayOf(broadcast.CreatedAt) >= first)
            .GroupBy(broadcast => MondayOf(broadcast.CreatedAt)).ToDictionary(group => group.Key, group => group.ToList());
        var totals = new List<WeekTotals>(weeks);
        for (var week = first; week <= thisWeek; week = week.AddDays(7))
        {
            var of = broadcasts.GetValueOrDefault(week) ?? [];
            var counted = of.Select(broadcast => stories?.Of(broadcast.Id) ?? []).SelectMany(list => list).ToList();
            totals.Add(new WeekTotals(week, subscribed.Where(pair => pair.Key <= week).Sum(pair => pair.Value),
                of.Sum(broadcast => (broadcast.Final ?? ledger.Counts(broadcast.Id)).Sent), counted.Sum(count => count.Taps), counted.Sum(count => count.Opens)));
        }
        return totals;
    }

    /// <summary>The kind of chat of each row, as its platform names it; the chats read a few hundred at a time.</summary>
    private IEnumerable<(DeliveryRow Row, string Kind)> WithKinds(IEnumerable<DeliveryRow> rows) =>
        rows.Chunk(500).SelectMany(chunk => chunk.Zip(chats.Get([.. chunk.Select(row => row.Chat)]),
            (row, chat) => (row, KindName(row.Channel, chat?.Kind))));

    public static string KindName(string channel, ChatKind? kind) => (channel, kind) switch
    {
        (_, null) => "unknown",
        ("teams", ChatKind.Private) => "personal",
        ("teams", ChatKind.Group) => "groupChat",
        ("teams", ChatKind.Channel) => "channel",
        (_, { } other) => other.ToString().ToLowerInvariant(),
    };

    private static DateOnly MondayOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    internal static string Week(DateOnly week) => week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
