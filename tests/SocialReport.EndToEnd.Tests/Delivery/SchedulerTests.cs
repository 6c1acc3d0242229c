using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

public sealed class SchedulerTests : DeliveryTests
{
    private readonly FakePlatform _telegram;

    // Thursday 26 November 2026, 10:00 in Paris.
    public SchedulerTests() : base(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero))
    {
        _archive.Publish(MemoryArchive.Edition(Edition));
        _archive.Publish(MemoryArchive.Edition("2020-03-13"));
        _telegram = new FakePlatform("telegram", _time);
        for (var i = 0; i < 5; i++) _chats.Save(TestChats.Subscriber("telegram", (700 + i).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A host process: build it, tick, dispose it; the next one finds the same ledger file.</summary>
    private Deliveries Host(string? cron = null) => new(_directory.DatabaseFile, _time, _chats, _archive, [_telegram], Deliveries.Defaults(cron));

    private async Task<IReadOnlyList<BroadcastRecord>> TickAsync(string? cron = null)
    {
        await using var host = Host(cron);
        await host.Scheduler.TickAsync(CancellationToken.None);
        return host.Ledger.History(100);
    }

    private ScheduledBroadcast Get(string id)
    {
        using var database = new Storage.LiteDb.LiteDbStore(_directory.DatabaseFile);
        var ledger = new Storage.LiteDb.LiteDbDeliveryLedger(database, Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()), _time);
        return ledger.GetSchedule(id)!;
    }

    [Fact]
    public async Task A_schedule_starts_once_when_due_even_across_restarts()
    {
        ScheduledBroadcast schedule;
        await using (var host = Host())
        {
            Assert.True(ScheduleTime.TryParseLocal("2026-11-27T09:00", out var local));
            schedule = host.Scheduler.Schedule(Edition, local, "Europe/Paris", "telegram:1");
            Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), schedule.DueAt);
            Assert.Equal("at:2020-03-06@2026-11-27T08:00Z", schedule.Id);
            Assert.Equal(schedule, host.Scheduler.Schedule(Edition, local, "Europe/Paris", "telegram:2"));
            Assert.Throws<ArgumentException>(() => host.Scheduler.Schedule(Edition, new DateTime(2026, 11, 26, 9, 0, 0), "Europe/Paris", "telegram:1"));
            var wait = await host.Scheduler.TickAsync(CancellationToken.None);
            Assert.Empty(host.Ledger.History(10));
            Assert.Equal(TimeSpan.FromSeconds(30), wait);
        }

        _time.Advance(TimeSpan.FromHours(23) - TimeSpan.FromSeconds(10));
        await using (var host = Host())
            Assert.Equal(TimeSpan.FromSeconds(10), await host.Scheduler.TickAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(10));
        var started = Assert.Single(await TickAsync());
        Assert.Equal((Edition, schedule.Id, "telegram:1"), (started.EditionId, started.ScheduleId, started.RequestedBy));
        Assert.Equal((ScheduleState.Started, started.Id), (Get(schedule.Id).State, Get(schedule.Id).BroadcastId));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await TickAsync());
        Assert.Single(await TickAsync());
    }

    [Fact]
    public async Task A_schedule_missed_while_down_runs_once_within_the_grace()
    {
        await using (var host = Host())
            host.Scheduler.Schedule(ScheduledBroadcast.Latest, new DateTime(2026, 11, 27, 9, 0, 0), "Europe/Paris", "telegram:1");

        // Down from before 9:00 until 14:00: five hours late, within six.
        _time.Advance(TimeSpan.FromHours(28));
        var started = Assert.Single(await TickAsync());
        Assert.Equal("2020-03-13", started.EditionId);
        Assert.Single(await TickAsync());
    }

    [Fact]
    public async Task A_schedule_missed_beyond_the_grace_is_skipped()
    {
        ScheduledBroadcast schedule;
        await using (var host = Host())
            schedule = host.Scheduler.Schedule(Edition, new DateTime(2026, 11, 27, 9, 0, 0), "Europe/Paris", "telegram:1");

        _time.Advance(TimeSpan.FromHours(30));
        Assert.Empty(await TickAsync());
        var skipped = Get(schedule.Id);
        Assert.Equal(ScheduleState.Skipped, skipped.State);
        Assert.StartsWith("missed", skipped.Reason, StringComparison.Ordinal);
        Assert.Empty(await TickAsync());
    }

    [Fact]
    public async Task A_cancelled_schedule_never_runs()
    {
        await using (var host = Host())
        {
            var schedule = host.Scheduler.Schedule(Edition, new DateTime(2026, 11, 27, 9, 0, 0), "Europe/Paris", "telegram:1");
            Assert.True(host.Scheduler.Cancel(schedule.Id, "telegram:1"));
            Assert.Empty(host.Scheduler.Pending());
        }
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await TickAsync());
    }

    [Fact]
    public async Task Each_cron_occurrence_runs_once_across_restarts_and_only_within_the_grace()
    {
        const string cron = "0 9 * * FRI";
        Assert.Empty(await TickAsync(cron));

        // Friday 27 November, 9:00:20 in Paris.
        _time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromSeconds(20));
        var first = Assert.Single(await TickAsync(cron));
        Assert.Equal(("2020-03-13", "cron:2026-11-27T08:00Z", BroadcastScheduler.CronRequester), (first.EditionId, first.ScheduleId, first.RequestedBy));
        Assert.Single(await TickAsync(cron));
        _time.Advance(TimeSpan.FromHours(5));
        Assert.Single(await TickAsync(cron));

        // The next Friday the host is back at 13:00 in Paris, four hours late: it runs, once.
        _archive.Publish(MemoryArchive.Edition("2020-03-20"));
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1) - TimeSpan.FromSeconds(20));
        var second = await TickAsync(cron);
        Assert.Equal(2, second.Count);
        Assert.Equal(("2020-03-20", "cron:2026-12-04T08:00Z"), (second[0].EditionId, second[0].ScheduleId));
        Assert.Equal(2, (await TickAsync(cron)).Count);

        // The Friday after, back at 18:00: nine hours late, beyond the grace.
        _archive.Publish(MemoryArchive.Edition("2020-03-27"));
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(5));
        Assert.Equal(2, (await TickAsync(cron)).Count);
    }
}
