using System.Text;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>
/// <c>/recall &lt;broadcast&gt;</c> deletes what a broadcast sent; <c>/report &lt;broadcast&gt;</c> shows what it did and sends every
/// delivery as CSV (a file where the channel takes files, else a signed download link). Either names a broadcast
/// (<c>2020-03-06#1</c>) or an edition (its latest broadcast).
/// </summary>
public sealed class ReportCommands(
    IDeliveryLedger ledger,
    BroadcastService broadcasts,
    BroadcastReports reports,
    DeliveryPacers pacers,
    IEnumerable<IChatNotifier> notifiers,
    IReportLinks? links = null) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["recall", "report"];
    public bool EditorsOnly => true;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "recall" => await RecallAsync(context, cancellationToken),
        _ => await ReportAsync(context, cancellationToken),
    };

    private async Task<Reply> RecallAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var argument = context.Command.Arguments.Trim();
        if (argument.Length == 0) return Notice(context, say.RecallUsage);
        if (Find(argument) is not { } broadcast) return Notice(context, say.BroadcastUnknown);
        if (broadcast.Recall == BroadcastRecall.Done) return Notice(context, Done(say, broadcasts.RecallStatus(broadcast.Id)!));
        await broadcasts.RecallAsync(broadcast.Id, $"{context.Inbound.Chat.Channel}:{context.Inbound.Sender.Id}", Observer(context), cancellationToken);
        return Notice(context, say.Format(say.RecallStarted, broadcast.Id));
    }

    private async Task<Reply> ReportAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var argument = context.Command.Arguments.Trim();
        var broadcast = argument.Length == 0 ? ledger.History(1) is [var latest, ..] ? latest : null : Find(argument);
        if (broadcast is null) return Notice(context, argument.Length == 0 ? say.ReportUsage : say.BroadcastUnknown);
        var report = reports.Report(broadcast.Id)!;
        var card = new NoticeCard { Language = context.Language, Text = Text(say, report) };
        if (await SendCsvAsync(context, broadcast.Id, cancellationToken)) return Reply.Of(card);
        return links?.CsvOf(broadcast.Id) is { } link ? Reply.Of(card with { Actions = [[CardAction.Open(say.ReportDownload, link)]] }) : Reply.Of(card);
    }

    private async Task<bool> SendCsvAsync(CommandContext context, string broadcastId, CancellationToken cancellationToken)
    {
        var chat = context.Inbound.Chat;
        if (notifiers.LastOrDefault(n => n.Channel == chat.Channel) is not { } notifier) return false;
        using var csv = new MemoryStream();
        await reports.WriteCsvAsync(broadcastId, csv, cancellationToken);
        csv.Position = 0;
        var name = $"report-{broadcastId.Replace('#', '-')}.csv";
        return await notifier.SendFileAsync(chat, name, csv, context.Say.Format(context.Say.ReportFileCaption, broadcastId), cancellationToken);
    }

    /// <summary>A broadcast by its id, or an edition's latest broadcast.</summary>
    private BroadcastRecord? Find(string argument) =>
        ledger.Get(argument) ?? ledger.History(200).FirstOrDefault(broadcast => broadcast.EditionId == argument);

    internal static string Text(Phrases say, BroadcastReport report)
    {
        var counts = report.Counts;
        var text = new StringBuilder(say.Format(say.ReportTitle, report.Broadcast.Id, report.Broadcast.State.ToString().ToLowerInvariant()));
        text.Append('\n').Append(say.Format(say.ReportTotals, counts.Total, counts.Sent, counts.Failed, counts.Blocked, counts.Gone, counts.Skipped, counts.Pending));
        foreach (var line in report.Lines)
            text.Append('\n').Append(say.Format(say.ReportLine, line.Channel, line.Kind, line.Sent, line.Failed, line.Blocked, line.Gone, line.Skipped, line.Pending));
        foreach (var reason in report.Reasons.Take(10))
            text.Append('\n').Append(say.Format(say.ReportReason, reason.State.ToString().ToLowerInvariant(), reason.Count, Shorten(reason.Reason)));
        text.Append('\n');
        if (report.Stories.Count == 0) text.Append('\n').Append(say.ReportNoStories);
        foreach (var story in report.Stories)
            text.Append('\n').Append(say.Format(say.ReportStory, story.Story, story.Taps, story.Opens));
        if (report.Broadcast.Recall != BroadcastRecall.None)
            text.Append('\n').Append(say.Format(say.ReportRecall, report.Recall.Deleted, report.Recall.NotDeleted, report.Recall.Left));
        return text.ToString();
    }

    internal static string Done(Phrases say, RecallSummary summary) =>
        say.Format(say.RecallDone, summary.BroadcastId, summary.Deleted, summary.TooOld, summary.NotFound, summary.Forbidden, summary.Failed);

    private static string Shorten(string reason) => reason.Length <= 120 ? reason : reason[..120] + "…";

    private ChatRecallObserver? Observer(CommandContext context)
    {
        var key = context.Inbound.Chat;
        if (notifiers.LastOrDefault(n => n.Channel == key.Channel) is not { } notifier) return null;
        var chat = new Chat { Key = key, Kind = context.Inbound.ChatKind, Language = context.Language, UpdatedAt = DateTimeOffset.UnixEpoch };
        return new ChatRecallObserver(notifier, pacers.For(key.Channel), chat);
    }

    private static Reply Notice(CommandContext context, string text) => CommandEngine.Notice(context.Language, text);

    /// <summary>Tells the chat that asked for a recall how it ended.</summary>
    private sealed class ChatRecallObserver(IChatNotifier notifier, ChannelPacer pacer, Chat chat) : IRecallObserver
    {
        public async Task OnRecalledAsync(RecallSummary summary, CancellationToken cancellationToken)
        {
            var card = new NoticeCard { Language = chat.Language, Text = Done(Phrases.For(chat.Language), summary) };
            using var permit = await pacer.AcquireAsync(chat, group: null, messages: 1, cancellationToken).ConfigureAwait(false);
            await notifier.SendAsync(chat.Key, card, cancellationToken).ConfigureAwait(false);
        }
    }
}
