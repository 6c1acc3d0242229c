using System.Globalization;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>
/// <c>/broadcast [edition] [force]</c> shows the plan and waits for <c>/confirm</c> (or <c>/cancel</c>);
/// <c>/broadcast [edition] [force] at 2020-03-06T09:00 Europe/Paris</c> schedules it; <c>/cancel</c> also stops a running broadcast.
/// </summary>
public sealed class BroadcastCommands(
    IEditionArchive archive,
    BroadcastService broadcasts,
    BroadcastScheduler scheduler,
    BroadcastRequests requests,
    DeliveryPacers pacers,
    IEnumerable<IChatNotifier> notifiers,
    ILogger<BroadcastCommands> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["broadcast", "confirm", "cancel"];
    public bool EditorsOnly => true;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "broadcast" => Broadcast(context),
        "confirm" => await ConfirmAsync(context, cancellationToken),
        _ => Cancel(context),
    };

    private Reply Broadcast(CommandContext context)
    {
        var say = context.Say;
        var words = context.Command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var force = words.RemoveAll(word => word.Equals("force", StringComparison.OrdinalIgnoreCase)) > 0;
        if (!CanaryWords.TryTake(words, out var canary)) return Notice(context, say.CanaryUsage);
        var at = words.FindIndex(word => word.Equals("at", StringComparison.OrdinalIgnoreCase));
        if (at >= 0 && canary is not null) return Notice(context, say.CanaryUsage);
        if (at >= 0) return Schedule(context, words[..at], words[(at + 1)..], force);
        if (words.Count > 1) return Notice(context, say.BroadcastUsage);

        var edition = Edition(words.FirstOrDefault());
        if (edition is null) return Notice(context, words.Count == 0 || IsLatest(words[0]) ? say.EmptyArchive : say.EditionNotFound);
        var plan = broadcasts.Plan(edition.Id, force)!;
        if (plan.Running is { } running)
        {
            if (Observer(context) is { } observer) broadcasts.Watch(running.Id, observer);
            return ProgressOf(context, running.Id);
        }
        var date = DateText.Format(edition.Date, context.Language);
        if (plan.ToSend == 0) return Notice(context, BroadcastText.Nobody(say, date, plan));
        requests.Add(context.Inbound.Chat, edition.Id, force, canary);
        var text = BroadcastText.Plan(say, date, plan);
        if (canary is { } percent) text += "\n\n" + say.Format(say.CanaryPlan, percent, CanarySample.Size(plan.ToSend, percent), plan.ToSend);
        return Reply.Of(new NoticeCard
        {
            Language = context.Language,
            Text = text,
            Actions = [[CardAction.Run(say.ConfirmLabel, "/confirm"), CardAction.Run(say.CancelLabel, "/cancel")]],
        });
    }

    private Reply Schedule(CommandContext context, List<string> before, List<string> after, bool force)
    {
        var say = context.Say;
        if (before.Count > 1 || after.Count != 2 || !ScheduleTime.TryParseLocal(after[0], out var local))
            return Notice(context, say.BroadcastUsage);
        var editionId = before.Count == 0 || IsLatest(before[0]) ? ScheduledBroadcast.Latest : before[0];
        if (editionId != ScheduledBroadcast.Latest && archive.Get(editionId) is null) return Notice(context, say.EditionNotFound);
        try
        {
            var editor = RequestedBy(context);
            var schedule = scheduler.Schedule(editionId, local, after[1], editor, force);
            logger.ChatScheduled(editor, schedule.Id);
            return Notice(context, say.Format(say.BroadcastScheduled, editionId, Utc(schedule.DueAt), schedule.Id));
        }
        catch (ArgumentException e)
        {
            return Notice(context, say.Format(say.BroadcastNotScheduled, e.Message.Split(" (Parameter", 2)[0]));
        }
    }

    private async Task<Reply> ConfirmAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var request = requests.Get(context.Inbound.Chat);
        if (request is null) return await ConfirmCanaryAsync(context, cancellationToken);
        var observer = Observer(context);
        var start = request.CanaryPercent is { } percent
            ? await broadcasts.StartCanaryAsync(request.EditionId, request.Force, percent, RequestedBy(context), observer, cancellationToken)
            : await broadcasts.StartAsync(request.EditionId, request.Force, RequestedBy(context), observer, cancellationToken: cancellationToken);
        // Dropped once the broadcast exists: a /confirm handled again after a crash finds it running, not lost.
        requests.Take(context.Inbound.Chat);
        if (start.AlreadyRunning) return ProgressOf(context, start.Broadcast.Id);
        return Notice(context, request.CanaryPercent is { } share
            ? say.Format(say.CanaryStarted, start.Broadcast.Id, share)
            : say.Format(say.BroadcastStarted, start.Broadcast.Id));
    }

    /// <summary>"/confirm" with no plan waiting: the canary waiting (the one named, or the only one) goes to the rest of its audience.</summary>
    private async Task<Reply> ConfirmCanaryAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var argument = context.Command.Arguments.Trim();
        var waiting = broadcasts.CanariesWaiting().Where(b => argument.Length == 0 || b.Id == argument || b.EditionId == argument).ToList();
        if (waiting.Count != 1) return Notice(context, say.NothingToConfirm);
        var confirmed = await broadcasts.ConfirmCanaryAsync(waiting[0].Id, RequestedBy(context), Observer(context), cancellationToken);
        return confirmed is { State: BroadcastState.Preparing or BroadcastState.Running }
            ? Notice(context, say.Format(say.CanaryConfirmed, confirmed.Id))
            : ProgressOf(context, waiting[0].Id);
    }

    private Reply Cancel(CommandContext context)
    {
        var say = context.Say;
        var argument = context.Command.Arguments.Trim();
        if (argument.Length == 0 && requests.Take(context.Inbound.Chat) is not null) return Notice(context, say.BroadcastRequestDropped);
        if (argument.StartsWith("at:", StringComparison.Ordinal) || argument.StartsWith("cron:", StringComparison.Ordinal))
        {
            var editor = RequestedBy(context);
            if (!scheduler.Cancel(argument, editor)) return Notice(context, say.NothingToCancel);
            logger.ChatScheduleCancelled(editor, argument);
            return Notice(context, say.Format(say.ScheduleCancelled, argument));
        }

        // "/cancel", "/cancel 2020-03-06" or "/cancel 2020-03-06#2": the running broadcasts that match.
        var running = broadcasts.Running().Concat(broadcasts.CanariesWaiting()).Where(b => argument.Length == 0 || b.Id == argument || b.EditionId == argument).ToList();
        if (running.Count == 0) return Notice(context, say.NothingToCancel);
        var cancelled = running.Select(b => broadcasts.Cancel(b.Id)).OfType<BroadcastRecord>().Select(b => b.Id).ToList();
        if (cancelled.Count == 0) return Notice(context, say.NothingToCancel);
        var stopped = string.Join(", ", cancelled);
        var by = RequestedBy(context);
        logger.ChatBroadcastsCancelled(by, stopped);
        return Notice(context, say.Format(say.BroadcastStopped, stopped));
    }

    private Reply ProgressOf(CommandContext context, string broadcastId) =>
        broadcasts.Progress(broadcastId) is { } progress
            ? Notice(context, BroadcastText.Progress(context.Say, progress))
            : Notice(context, context.Say.NothingToCancel);

    private Edition? Edition(string? id) => id is null || IsLatest(id) ? archive.Latest() : archive.Get(id);

    private static bool IsLatest(string word) => word.Equals(ScheduledBroadcast.Latest, StringComparison.OrdinalIgnoreCase);

    /// <summary>The editor's status message, paced with the broadcast's own messages: the platform counts both.</summary>
    internal ChatBroadcastObserver? Observer(CommandContext context)
    {
        var key = context.Inbound.Chat;
        if (notifiers.LastOrDefault(n => n.Channel == key.Channel) is not { } notifier) return null;
        var chat = new Chat { Key = key, Kind = context.Inbound.ChatKind, Language = context.Language, UpdatedAt = DateTimeOffset.UnixEpoch };
        return new ChatBroadcastObserver(notifier, pacers.For(key.Channel), chat);
    }

    private static string RequestedBy(CommandContext context) => $"{context.Inbound.Chat.Channel}:{context.Inbound.Sender.Id}";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static Reply Notice(CommandContext context, string text) => CommandEngine.Notice(context.Language, text);
}
