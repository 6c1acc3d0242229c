using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>A ledger that stops writing anything at once, as a killed process would; it also counts the reads of its counts.</summary>
internal sealed class KillableLedger(IDeliveryLedger inner) : IDeliveryLedger
{
    private volatile bool _killed;

    private int _countsRead;

    public void Kill() => _killed = true;

    /// <summary>How many times the ledger's counts were read (a walk over every row of the broadcast).</summary>
    public int CountsRead => Volatile.Read(ref _countsRead);

    private IDeliveryLedger Alive => _killed ? throw new IOException("the process was killed") : inner;

    public BroadcastRecord Create(string editionId, bool force, DeliveryMode mode, string requestedBy, IEnumerable<ChatKey> audience, string? scheduleId = null) =>
        Alive.Create(editionId, force, mode, requestedBy, audience, scheduleId);
    public BroadcastRecord Prepare(string editionId, bool force, DeliveryMode mode, string requestedBy, string? scheduleId = null) =>
        Alive.Prepare(editionId, force, mode, requestedBy, scheduleId);
    public BroadcastRecord FinishPreparing(string broadcastId, IEnumerable<ChatKey> audience) => Alive.FinishPreparing(broadcastId, audience);
    public BroadcastRecord? Get(string broadcastId) => Alive.Get(broadcastId);
    public IReadOnlyList<BroadcastRecord> Running() => Alive.Running();
    public BroadcastRecord? RunningFor(string editionId) => Alive.RunningFor(editionId);
    public IReadOnlyList<BroadcastRecord> History(int take) => Alive.History(take);
    public IReadOnlyList<DeliveryRow> Due(string broadcastId, string channel, DateTimeOffset now, int batchSize) => Alive.Due(broadcastId, channel, now, batchSize);
    public DateTimeOffset? NextAttemptAt(string broadcastId, string channel) => Alive.NextAttemptAt(broadcastId, channel);
    public DeliveryRow? Row(string broadcastId, ChatKey chat) => Alive.Row(broadcastId, chat);
    public DeliveryRow Record(DeliveryRow row, SendOutcome outcome, DateTimeOffset now) => Alive.Record(row, outcome, now);
    public DeliveryRow Skip(DeliveryRow row, string reason, DateTimeOffset now) => Alive.Skip(row, reason, now);
    public DeliveryCounts Counts(string broadcastId)
    {
        Interlocked.Increment(ref _countsRead);
        return Alive.Counts(broadcastId);
    }
    public int Served(string editionId, string channel) => Alive.Served(editionId, channel);
    public BroadcastRecord? Cancel(string broadcastId) => Alive.Cancel(broadcastId);
    public BroadcastRecord? Complete(string broadcastId) => Alive.Complete(broadcastId);
    public ScheduledBroadcast AddSchedule(ScheduledBroadcast schedule) => Alive.AddSchedule(schedule);
    public ScheduledBroadcast? GetSchedule(string scheduleId) => Alive.GetSchedule(scheduleId);
    public IReadOnlyList<ScheduledBroadcast> PendingSchedules() => Alive.PendingSchedules();
    public bool SkipSchedule(string scheduleId, string reason, DateTimeOffset now) => Alive.SkipSchedule(scheduleId, reason, now);
    public DeliveryRow Hold(DeliveryRow row, DateTimeOffset until, DateTimeOffset now) => Alive.Hold(row, until, now);
    public int Waiting(string broadcastId, DateTimeOffset now) => Alive.Waiting(broadcastId, now);
    public int Prune(DateTimeOffset finishedBefore) => Alive.Prune(finishedBefore);
}
