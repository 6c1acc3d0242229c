using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// The durable record of broadcasts: one row per (broadcast, chat), which becomes Sent only once the platform
/// confirmed it. Everything the runner needs to resume after a crash is here.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>
    /// Creates a broadcast and one Pending row per chat of <paramref name="audience"/>, streamed and written in
    /// batches. Chats already served this edition (a Sent row in an earlier broadcast) are left out unless
    /// <paramref name="force"/>. The broadcast is <see cref="BroadcastState.Preparing"/> while rows are written,
    /// then <see cref="BroadcastState.Running"/>; with <paramref name="scheduleId"/>, that schedule turns Started in
    /// the same transaction as the broadcast is created, so it can start only once.
    /// </summary>
    /// <exception cref="InvalidOperationException">A broadcast of this edition is still unfinished, or the schedule is not pending.</exception>
    BroadcastRecord Create(string editionId, bool force, DeliveryMode mode, string requestedBy, IEnumerable<ChatKey> audience, string? scheduleId = null);

    /// <summary>
    /// The first half of <see cref="Create"/>, which returns at once: the broadcast, <see cref="BroadcastState.Preparing"/>
    /// and without rows yet (and its schedule Started). <see cref="FinishPreparing"/> writes the rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">A broadcast of this edition is still unfinished, or the schedule is not pending.</exception>
    BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId = null);

    /// <summary>
    /// Writes the rows of a <see cref="BroadcastState.Preparing"/> broadcast (those still missing, when a crash
    /// interrupted it) and makes it Running; a broadcast in any other state is returned as is.
    /// </summary>
    BroadcastRecord FinishPreparing(string broadcastId, IEnumerable<ChatKey> audience);

    BroadcastRecord? Get(string broadcastId);

    /// <summary>Broadcasts not finished (Preparing or Running), oldest first.</summary>
    IReadOnlyList<BroadcastRecord> Running();

    /// <summary>The unfinished broadcast of an edition, if any (there is at most one).</summary>
    BroadcastRecord? RunningFor(string editionId);

    /// <summary>The latest broadcasts, newest first.</summary>
    IReadOnlyList<BroadcastRecord> History(int take);

    /// <summary>Pending rows of one channel whose next attempt is due at <paramref name="now"/>, earliest due first, then in a fixed order.</summary>
    IReadOnlyList<DeliveryRow> Due(string broadcastId, string channel, DateTimeOffset now, int batchSize);

    /// <summary>When the earliest Pending row of a channel is due; null when none is pending.</summary>
    DateTimeOffset? NextAttemptAt(string broadcastId, string channel);

    DeliveryRow? Row(string broadcastId, ChatKey chat);

    /// <summary>Applies what the platform answered (see <see cref="DeliveryRules"/>) and returns the row as stored; after a <see cref="SendOutcome.Moved"/> the row has the new chat key.</summary>
    DeliveryRow Record(DeliveryRow row, SendOutcome outcome, DateTimeOffset now);

    /// <summary>Several answers at once, in order, as one commit where the store can: what <see cref="LedgerWriter"/> hands over.</summary>
    IReadOnlyList<DeliveryRow> RecordAll(IReadOnlyList<(DeliveryRow Row, SendOutcome Outcome)> answers, DateTimeOffset now) =>
        [.. answers.Select(answer => Record(answer.Row, answer.Outcome, now))];

    /// <summary>The reader is no longer subscribed, or the channel's adapter is off: the row is Skipped without sending.</summary>
    DeliveryRow Skip(DeliveryRow row, string reason, DateTimeOffset now);

    /// <summary>Rows per state, counted on an index.</summary>
    DeliveryCounts Counts(string broadcastId);

    /// <summary>How many chats of a channel already got this edition (for estimates).</summary>
    int Served(string editionId, string channel);

    /// <summary>Stops a broadcast: Preparing or Running becomes Cancelled (again: refreshes its final counts). Null when unknown.</summary>
    BroadcastRecord? Cancel(string broadcastId);

    /// <summary>A Running broadcast becomes Completed with its final counts. Null when unknown.</summary>
    BroadcastRecord? Complete(string broadcastId);

    /// <summary>Stores a schedule unless one with the same id exists; returns the stored one.</summary>
    ScheduledBroadcast AddSchedule(ScheduledBroadcast schedule);

    ScheduledBroadcast? GetSchedule(string scheduleId);

    /// <summary>Schedules not started nor skipped yet, earliest due first.</summary>
    IReadOnlyList<ScheduledBroadcast> PendingSchedules();

    /// <summary>A pending schedule becomes Skipped; false when it was not pending.</summary>
    bool SkipSchedule(string scheduleId, string reason, DateTimeOffset now);

    /// <summary>The chat is in its quiet hours: the row stays Pending, its next attempt at <paramref name="until"/>, no attempt counted.</summary>
    DeliveryRow Hold(DeliveryRow row, DateTimeOffset until, DateTimeOffset now);

    /// <summary>Pending rows of a broadcast not due before <paramref name="now"/>: waiting for quiet hours to end, or for a retry.</summary>
    int Waiting(string broadcastId, DateTimeOffset now);

    /// <summary>
    /// Deletes the rows of broadcasts finished before <paramref name="finishedBefore"/>; their counts stay on the broadcast
    /// (<see cref="BroadcastRecord.Final"/>). Returns how many rows went.
    /// </summary>
    int Prune(DateTimeOffset finishedBefore);

    /// <summary>
    /// <see cref="Prepare"/> for a canary: the broadcast keeps <paramref name="percent"/>, its rows are its sample only
    /// until <see cref="ConfirmCanary"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A broadcast of this edition is still unfinished.</exception>
    BroadcastRecord PrepareCanary(string editionId, bool force, DeliveryMode mode, string requestedBy, int percent) =>
        throw new NotSupportedException("This ledger has no canary broadcasts.");

    /// <summary>A Running canary whose sample is served becomes <see cref="BroadcastState.CanaryDone"/>. Null when unknown.</summary>
    BroadcastRecord? CanaryDone(string broadcastId) => throw new NotSupportedException("This ledger has no canary broadcasts.");

    /// <summary>
    /// A <see cref="BroadcastState.CanaryDone"/> broadcast becomes Preparing again, confirmed: <see cref="FinishPreparing"/>
    /// then adds the rows of the rest of the audience (never a second row for a chat). Any other state is returned as is.
    /// </summary>
    BroadcastRecord? ConfirmCanary(string broadcastId) => throw new NotSupportedException("This ledger has no canary broadcasts.");

    /// <summary>Every row of a broadcast, by channel then chat id (reports, recalls).</summary>
    IReadOnlyList<DeliveryRow> Rows(string broadcastId) => throw new NotSupportedException("This ledger cannot list rows.");

    /// <summary>Marks a broadcast as being recalled (<see cref="BroadcastRecall.Running"/>), unless its recall is done. Null when unknown.</summary>
    BroadcastRecord? StartRecall(string broadcastId) => throw new NotSupportedException("This ledger has no recalls.");

    /// <summary>The recall of a broadcast is over. Null when unknown.</summary>
    BroadcastRecord? FinishRecall(string broadcastId) => throw new NotSupportedException("This ledger has no recalls.");

    /// <summary>Broadcasts whose recall is running, oldest first: resumed at start-up.</summary>
    IReadOnlyList<BroadcastRecord> Recalling() => [];

    /// <summary>What a recall did to a row's messages.</summary>
    DeliveryRow RecordRecall(DeliveryRow row, RecallState state, string? reason, DateTimeOffset now) =>
        throw new NotSupportedException("This ledger has no recalls.");
}
