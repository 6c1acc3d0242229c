using System.Globalization;
using Cronos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Starts scheduled broadcasts, each exactly once: a schedule turns Started in the same ledger transaction that
/// creates its broadcast, and each occurrence of the configured cron is stored under its own id
/// (<c>cron:2026-11-27T08:00Z</c>) before it runs. One missed while the host was down runs when it comes back if
/// it is no older than <see cref="DeliveryOptions.MissedScheduleGrace"/>, else it is marked Skipped.
/// </summary>
public sealed class BroadcastScheduler
{
    public const string CronRequester = "schedule";
    private static readonly TimeSpan ShortestTick = TimeSpan.FromSeconds(1);
    private readonly IDeliveryLedger _ledger;
    private readonly BroadcastService _broadcasts;
    private readonly IEditionArchive _archive;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BroadcastScheduler> _logger;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;

    public BroadcastScheduler(IDeliveryLedger ledger, BroadcastService broadcasts, IEditionArchive archive, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<BroadcastScheduler> logger)
    {
        _ledger = ledger;
        _broadcasts = broadcasts;
        _archive = archive;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _cron = string.IsNullOrWhiteSpace(_options.Schedule) ? null : CronExpression.Parse(_options.Schedule);
        _zone = ScheduleTime.TryFindZone(_options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// Schedules a broadcast of <paramref name="editionId"/> (or <see cref="ScheduledBroadcast.Latest"/>) at a wall-clock
    /// time of an IANA zone, to the minute. Scheduling the same edition at the same time again returns the same schedule.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown zone, a time that does not exist there, or a time already past.</exception>
    public ScheduledBroadcast Schedule(string editionId, DateTime localTime, string timeZoneId, string requestedBy, bool force = false)
    {
        var due = ScheduleTime.ToUtc(localTime, timeZoneId);
        due = new DateTimeOffset(due.Ticks - due.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        if (due <= now) throw new ArgumentException($"{Minute(due)} is already past.", nameof(localTime));
        return _ledger.AddSchedule(new ScheduledBroadcast
        {
            Id = $"at:{editionId}@{Minute(due)}",
            EditionId = editionId,
            DueAt = due,
            RequestedBy = requestedBy,
            Force = force,
            CreatedAt = now,
        });
    }

    /// <summary>Schedules not started yet, earliest first.</summary>
    public IReadOnlyList<ScheduledBroadcast> Pending() => _ledger.PendingSchedules();

    /// <summary>Drops a pending schedule; false when it was not pending.</summary>
    public bool Cancel(string scheduleId, string cancelledBy) => _ledger.SkipSchedule(scheduleId, $"cancelled by {cancelledBy}", _time.GetUtcNow());

    /// <summary>Starts what is due (or skips what was missed for too long); returns how long to wait before the next tick.</summary>
    public async Task<TimeSpan> TickAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        RecordCronOccurrences(now);
        foreach (var schedule in _ledger.PendingSchedules().Where(schedule => schedule.DueAt <= now))
        {
            if (now - schedule.DueAt > _options.MissedScheduleGrace)
            {
                _logger.ScheduleMissed(schedule.Id, schedule.DueAt, _options.MissedScheduleGrace);
                _ledger.SkipSchedule(schedule.Id, $"missed: due at {Minute(schedule.DueAt)}, more than {_options.MissedScheduleGrace} before the host was back", now);
                continue;
            }
            try
            {
                await StartAsync(schedule, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.ScheduleStartFailed(e, schedule.Id);
            }
        }
        return NextTick(_time.GetUtcNow());
    }

    private async Task StartAsync(ScheduledBroadcast schedule, CancellationToken cancellationToken)
    {
        var editionId = schedule.EditionId == ScheduledBroadcast.Latest ? _archive.Latest()?.Id : schedule.EditionId;
        if (editionId is null || _archive.Get(editionId) is null)
        {
            _ledger.SkipSchedule(schedule.Id, $"no edition {schedule.EditionId} in the archive", _time.GetUtcNow());
            return;
        }
        var start = await _broadcasts.StartAsync(editionId, schedule.Force, schedule.RequestedBy, scheduleId: schedule.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (start.AlreadyRunning)
            _ledger.SkipSchedule(schedule.Id, $"broadcast {start.Broadcast.Id} of {editionId} was already running", _time.GetUtcNow());
        else
            _logger.ScheduleStarted(schedule.Id, start.Broadcast.Id);
    }

    private void RecordCronOccurrences(DateTimeOffset now)
    {
        if (_cron is null) return;
        // Look back past the grace so that an occurrence missed for too long is recorded as skipped, not forgotten.
        var from = now - _options.MissedScheduleGrace - _options.SchedulerInterval - TimeSpan.FromMinutes(1);
        var occurrences = _cron.GetOccurrences(from, now, _zone, fromInclusive: true, toInclusive: true).ToList();
        for (var i = 0; i < occurrences.Count; i++)
        {
            var id = $"cron:{Minute(occurrences[i])}";
            if (_ledger.GetSchedule(id) is not null) continue;
            var superseded = i < occurrences.Count - 1;
            _ledger.AddSchedule(new ScheduledBroadcast
            {
                Id = id,
                EditionId = ScheduledBroadcast.Latest,
                DueAt = occurrences[i].ToUniversalTime(),
                RequestedBy = CronRequester,
                CreatedAt = now,
                State = superseded ? ScheduleState.Skipped : ScheduleState.Pending,
                Reason = superseded ? "superseded by a later occurrence" : null,
            });
        }
    }

    private TimeSpan NextTick(DateTimeOffset now)
    {
        var next = now + _options.SchedulerInterval;
        if (_ledger.PendingSchedules().FirstOrDefault(schedule => schedule.DueAt > now) is { } pending && pending.DueAt < next) next = pending.DueAt;
        if (_cron?.GetNextOccurrence(now, _zone) is { } occurrence && occurrence < next) next = occurrence;
        var wait = next - now;
        return wait < ShortestTick ? ShortestTick : wait;
    }

    private static string Minute(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
