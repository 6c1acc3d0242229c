using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace SocialReport.Storage.PostgreSql.Tests;

/// <summary>Hosts sharing a database: one holds a broadcast's lease at a time, and another takes it once it runs out.</summary>
public sealed class BroadcastLeaseTests : IClassFixture<PostgreSqlDatabase>, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly List<PostgreSqlStore> _stores;
    private readonly List<PostgreSqlBroadcastLeases> _hosts;

    public BroadcastLeaseTests(PostgreSqlDatabase database)
    {
        using (new PostgreSqlBackend(database)) { }
        _stores = [.. Enumerable.Range(0, 4).Select(_ => new PostgreSqlStore(database.ConnectionString))];
        _hosts = [.. _stores.Select(store => new PostgreSqlBroadcastLeases(store, _time))];
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }

    [Fact]
    public void The_holder_keeps_its_lease_while_it_renews_and_another_host_takes_it_once_it_runs_out()
    {
        var (a, b) = (_hosts[0], _hosts[1]);
        Assert.True(a.TryTake("2020-03-06#1"));
        Assert.False(b.TryTake("2020-03-06#1"));
        Assert.True(b.TryTake("2020-03-13#1"));

        _time.Advance(BroadcastLease.Duration - TimeSpan.FromSeconds(1));
        Assert.True(a.TryTake("2020-03-06#1"));
        _time.Advance(BroadcastLease.Duration - TimeSpan.FromSeconds(1));
        Assert.False(b.TryTake("2020-03-06#1"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(b.TryTake("2020-03-06#1"));
        Assert.False(a.TryTake("2020-03-06#1"));

        a.Release("2020-03-06#1");
        Assert.False(a.TryTake("2020-03-06#1"));
        b.Release("2020-03-06#1");
        Assert.True(a.TryTake("2020-03-06#1"));
    }

    [Fact]
    public async Task Of_hosts_asking_together_one_gets_the_lease()
    {
        using var go = new ManualResetEventSlim();
        var asking = _hosts.Select(host => Task.Run(() => { go.Wait(); return host.TryTake("2020-03-06#1"); })).ToList();
        go.Set();

        Assert.Equal(1, (await Task.WhenAll(asking)).Count(taken => taken));
    }

    [Fact]
    public async Task A_host_that_lost_its_lease_while_paused_stops_sending_at_its_next_renewal()
    {
        var (paused, other) = (_hosts[0], _hosts[1]);
        Assert.True(paused.TryTake("2020-03-06#1"));
        _time.Advance(BroadcastLease.Duration);
        Assert.True(other.TryTake("2020-03-06#1"));

        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var keeping = BroadcastLease.KeepAsync(paused, "2020-03-06#1", _time, NullLogger.Instance, lost.SetResult, stop.Token);
        _time.Advance(BroadcastLease.RenewEvery);

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await keeping.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(paused.TryTake("2020-03-06#1"));
    }
}
