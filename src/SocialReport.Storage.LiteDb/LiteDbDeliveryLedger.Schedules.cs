namespace SocialReport.Storage.LiteDb;

/// <summary>The schedules of <see cref="LiteDbDeliveryLedger"/>, in <c>delivery_schedules</c>.</summary>
public sealed partial class LiteDbDeliveryLedger
{
    public ScheduledBroadcast AddSchedule(ScheduledBroadcast schedule)
    {
        lock (_gate)
        {
            if (GetSchedule(schedule.Id) is { } existing) return existing;
            _schedules.Insert(ScheduleDocuments.Write(schedule));
            return schedule;
        }
    }

    public ScheduledBroadcast? GetSchedule(string scheduleId) =>
        _schedules.FindById(scheduleId) is { } document ? ScheduleDocuments.Read(document) : null;

    public IReadOnlyList<ScheduledBroadcast> PendingSchedules() =>
        [.. _schedules.Find(Queries.Equal(ScheduleDocuments.State, ScheduleState.Pending.ToString())).Select(ScheduleDocuments.Read).OrderBy(schedule => schedule.DueAt)];

    public bool SkipSchedule(string scheduleId, string reason, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (GetSchedule(scheduleId) is not { State: ScheduleState.Pending } schedule) return false;
            _schedules.Update(ScheduleDocuments.Write(schedule with { State = ScheduleState.Skipped, Reason = reason }));
            return true;
        }
    }
}
