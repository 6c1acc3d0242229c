using Microsoft.Extensions.Time.Testing;

namespace SocialReport.Storage.PostgreSql.Tests;

/// <summary>Hosts sharing one database, each with its own connections: what must happen once happens once.</summary>
public sealed class SeveralHostsTests : IClassFixture<PostgreSqlDatabase>, IDisposable
{
    private const int Hosts = 4;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly List<PostgreSqlStore> _stores;

    public SeveralHostsTests(PostgreSqlDatabase database)
    {
        using (new PostgreSqlBackend(database)) { }
        _stores = [.. Enumerable.Range(0, Hosts).Select(_ => new PostgreSqlStore(database.ConnectionString))];
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }

    private static async Task<T[]> Together<T>(IEnumerable<Func<T>> work)
    {
        using var go = new ManualResetEventSlim();
        var tasks = work.Select(body => Task.Run(() => { go.Wait(); return body(); })).ToList();
        go.Set();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task A_repeated_update_is_taken_by_one_host()
    {
        var inboxes = _stores.Select(store => new PostgreSqlUpdateInbox(store)).ToList();

        for (var update = 0; update < 20; update++)
        {
            var id = update.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var taken = await Together(inboxes.Select(inbox => (Func<bool>)(() => inbox.Add("telegram", id, "{}"))));
            Assert.Equal(1, taken.Count(added => added));
        }
    }

    [Fact]
    public async Task A_schedule_starts_one_broadcast_whichever_hosts_fire_it()
    {
        var ledgers = _stores.Select(store => new PostgreSqlDeliveryLedger(store, Options.Create(new DeliveryOptions()), _time)).ToList();
        ledgers[0].AddSchedule(new ScheduledBroadcast { Id = "at:1", EditionId = "2020-03-06", DueAt = _time.GetUtcNow(), RequestedBy = "telegram:7", CreatedAt = _time.GetUtcNow() });

        var started = await Together(ledgers.Select(ledger => (Func<BroadcastRecord?>)(() =>
        {
            try
            {
                return ledger.Create("2020-03-06", false, DeliveryMode.Edition, "telegram:7", [new ChatKey("telegram", "1")], scheduleId: "at:1");
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        })));

        var broadcast = Assert.Single(started.OfType<BroadcastRecord>());
        Assert.Equal(("2020-03-06#1", ScheduleState.Started, broadcast.Id), (broadcast.Id, ledgers[1].GetSchedule("at:1")!.State, ledgers[2].GetSchedule("at:1")!.BroadcastId));
        Assert.Single(ledgers[3].History(10));
    }

    [Fact]
    public async Task An_edition_gets_one_unfinished_broadcast_whichever_hosts_ask()
    {
        var ledgers = _stores.Select(store => new PostgreSqlDeliveryLedger(store, Options.Create(new DeliveryOptions()), _time)).ToList();

        var prepared = await Together(ledgers.Select(ledger => (Func<string?>)(() =>
        {
            try
            {
                return ledger.Prepare("2020-03-13", true, DeliveryMode.Edition, "telegram:7").Id;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        })));

        Assert.Equal("2020-03-13#1", Assert.Single(prepared.OfType<string>()));
    }
}
