using static SocialReport.Storage.PostgreSql.LedgerRecords;

namespace SocialReport.Storage.PostgreSql;

/// <summary>The schedules of <see cref="PostgreSqlDeliveryLedger"/>, in <c>delivery_schedules</c>.</summary>
public sealed partial class PostgreSqlDeliveryLedger
{
    public ScheduledBroadcast AddSchedule(ScheduledBroadcast schedule)
    {
        var added = store.Command($"""
            INSERT INTO delivery_schedules ({ScheduleColumns}) VALUES (@id, @edition, @due, @requestedBy, @force, @state, @created, @broadcast, @reason)
            ON CONFLICT (id) DO NOTHING
            """)
            .With("id", schedule.Id).With("edition", schedule.EditionId).With("due", schedule.DueAt).With("requestedBy", schedule.RequestedBy)
            .With("force", schedule.Force).With("state", schedule.State).With("created", schedule.CreatedAt)
            .With("broadcast", schedule.BroadcastId).With("reason", schedule.Reason).Execute();
        return added == 1 ? schedule : GetSchedule(schedule.Id)!;
    }

    public ScheduledBroadcast? GetSchedule(string scheduleId) =>
        store.Command($"SELECT {ScheduleColumns} FROM delivery_schedules WHERE id = @id").With("id", scheduleId).ReadFirst(Schedule);

    public IReadOnlyList<ScheduledBroadcast> PendingSchedules() =>
        store.Command($"SELECT {ScheduleColumns} FROM delivery_schedules WHERE state = 'Pending' ORDER BY due_at, id").Read(Schedule);

    // A single statement guarded by the state: of two hosts, one skips it.
    public bool SkipSchedule(string scheduleId, string reason, DateTimeOffset now) =>
        store.Command("UPDATE delivery_schedules SET state = 'Skipped', reason = @reason WHERE id = @id AND state = 'Pending'")
            .With("reason", reason).With("id", scheduleId).Execute() == 1;
}
