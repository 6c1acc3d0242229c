using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A broadcast plan as the console shows it: the plan, its text in the editor's language, whether it waits for a
/// confirmation, and the size of its canary sample when it starts with one.</summary>
public sealed record PlanView(BroadcastPlan Plan, string Text, bool AwaitsConfirmation, int? CanarySize = null);

/// <summary>
/// What an editor signed in to the web console does, on the same engine as the chat commands: the publisher, the
/// broadcast plan and its confirmation (a request per editor, forgotten after <see cref="BroadcastRequests.Lifetime"/>),
/// the scheduler, canaries and recalls. Every action is logged with the editor's id.
/// </summary>
public sealed class EditorActions(
    IEditionArchive archive,
    EditionPublisher publisher,
    BroadcastService broadcasts,
    BroadcastScheduler scheduler,
    BroadcastRequests requests,
    ILogger<EditorActions> logger)
{
    /// <summary>The channel of the requests waiting for a console editor's confirmation (never a chat's).</summary>
    public const string RequestChannel = "web-console";

    public PublishResult Publish(Edition edition, string editor)
    {
        var result = publisher.Publish(edition);
        if (result.Outcome != PublishOutcome.Unchanged) logger.ConsolePublished(editor, result.EditionId, result.Outcome, result.Revision);
        return result;
    }

    /// <summary>The plan of a broadcast of the edition (null: the latest); null when there is no such edition. A plan
    /// with readers to reach waits for <see cref="ConfirmAsync"/>; with <paramref name="canaryPercent"/> (1–50) it starts as a canary.</summary>
    public PlanView? Plan(string? editionId, bool force, string editor, string language, int? canaryPercent = null)
    {
        var edition = string.IsNullOrEmpty(editionId) || editionId == ScheduledBroadcast.Latest ? archive.Latest() : archive.Get(editionId);
        if (edition is null) return null;
        var plan = broadcasts.Plan(edition.Id, force)!;
        var say = Phrases.For(language);
        var date = DateText.Format(edition.Date, language);
        if (plan.Running is not null) return new PlanView(plan, "", false);
        if (plan.ToSend == 0) return new PlanView(plan, BroadcastText.Nobody(say, date, plan), false);
        requests.Add(RequestKey(editor), edition.Id, force, canaryPercent);
        return new PlanView(plan, BroadcastText.Plan(say, date, plan, say.ConsoleBroadcastConfirm), true,
            canaryPercent is { } percent ? CanarySample.Size(plan.ToSend, percent) : null);
    }

    /// <summary>Starts the broadcast (or its canary) the editor's last plan showed; null when none waits (none asked, or expired).</summary>
    public async Task<BroadcastStart?> ConfirmAsync(string editor, CancellationToken cancellationToken)
    {
        var request = requests.Get(RequestKey(editor));
        if (request is null) return null;
        var start = request.CanaryPercent is { } percent
            ? await broadcasts.StartCanaryAsync(request.EditionId, request.Force, percent, editor, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await broadcasts.StartAsync(request.EditionId, request.Force, editor, cancellationToken: cancellationToken).ConfigureAwait(false);
        requests.Take(RequestKey(editor));
        if (start.AlreadyRunning) return start;
        if (request.CanaryPercent is { } share) logger.ConsoleCanaryStarted(editor, start.Broadcast.Id, request.EditionId, share);
        else logger.ConsoleBroadcastStarted(editor, start.Broadcast.Id, request.EditionId);
        return start;
    }

    /// <summary>Sends a waiting canary to the rest of its audience; null when no such canary waits.</summary>
    public async Task<BroadcastRecord?> ConfirmCanaryAsync(string broadcastId, string editor, CancellationToken cancellationToken)
    {
        if (broadcasts.CanariesWaiting().All(b => b.Id != broadcastId)) return null;
        var confirmed = await broadcasts.ConfirmCanaryAsync(broadcastId, editor, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (confirmed is { State: BroadcastState.Preparing or BroadcastState.Running }) logger.ConsoleCanaryConfirmed(editor, broadcastId);
        return confirmed;
    }

    /// <summary>Takes back what a broadcast sent (stopping it first when it runs), in the background; null when unknown.</summary>
    public async Task<RecallSummary?> RecallAsync(string broadcastId, string editor, CancellationToken cancellationToken)
    {
        if (await broadcasts.RecallAsync(broadcastId, editor, observer: null, cancellationToken).ConfigureAwait(false) is null) return null;
        logger.ConsoleRecallStarted(editor, broadcastId);
        return broadcasts.RecallStatus(broadcastId);
    }

    /// <inheritdoc cref="BroadcastService.RecallStatus"/>
    public RecallSummary? RecallStatus(string broadcastId) => broadcasts.RecallStatus(broadcastId);

    /// <summary>Drops the plan waiting for the editor's confirmation; false when none waited.</summary>
    public bool Drop(string editor) => requests.Take(RequestKey(editor)) is not null;

    /// <summary>Stops a running broadcast; null when it is unknown or already finished.</summary>
    public BroadcastRecord? Cancel(string broadcastId, string editor)
    {
        if (broadcasts.Running().All(b => b.Id != broadcastId)) return null;
        var cancelled = broadcasts.Cancel(broadcastId);
        if (cancelled is not null) logger.ConsoleBroadcastCancelled(editor, broadcastId);
        return cancelled;
    }

    /// <inheritdoc cref="BroadcastScheduler.Schedule"/>
    public ScheduledBroadcast Schedule(string editionId, DateTime localTime, string timeZoneId, bool force, string editor)
    {
        var schedule = scheduler.Schedule(editionId, localTime, timeZoneId, editor, force);
        logger.ConsoleScheduled(editor, schedule.Id, schedule.DueAt);
        return schedule;
    }

    public bool CancelSchedule(string scheduleId, string editor)
    {
        var cancelled = scheduler.Cancel(scheduleId, editor);
        if (cancelled) logger.ConsoleScheduleCancelled(editor, scheduleId);
        return cancelled;
    }

    public IReadOnlyList<ScheduledBroadcast> Pending() => scheduler.Pending();

    public BroadcastProgress? Progress(string broadcastId) => broadcasts.Progress(broadcastId);

    public static string ProgressText(BroadcastProgress progress, string language) => BroadcastText.Progress(Phrases.For(language), progress);

    private static ChatKey RequestKey(string editor) => new(RequestChannel, editor);
}
