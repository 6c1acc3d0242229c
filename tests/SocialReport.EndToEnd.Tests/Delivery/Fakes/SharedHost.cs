using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Storage.PostgreSql;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>
/// One host of several on a PostgreSQL database: its delivery worker, service and ledger, its leases. Kill it to
/// have it stop at once as a SIGKILL would: nothing more reaches its ledger, its leases or the platform.
/// </summary>
internal sealed class SharedHost : IAsyncDisposable
{
    private readonly PostgreSqlStore _store;
    private readonly KillableLedger _ledger;
    private readonly KillableLeases _leases;
    private readonly DeliveryWorker _worker;

    public SharedHost(string connectionString, FakeTimeProvider time, MemoryChatStore chats, MemoryArchive archive, IEditionSender platform, DeliveryOptions options, IBroadcastObserver? observer = null)
    {
        var settings = Options.Create(options);
        _store = new PostgreSqlStore(connectionString);
        _ledger = new KillableLedger(new PostgreSqlDeliveryLedger(_store, settings, time));
        _leases = new KillableLeases(new PostgreSqlBroadcastLeases(_store, time));
        Sender = new HostSender(platform);
        IEditionSender[] senders = [Sender];
        var pacers = new DeliveryPacers(settings, time);
        var runner = new BroadcastRunner(_ledger, archive, chats, new Subscriptions(chats, time), senders, pacers, settings, time, NullLogger<BroadcastRunner>.Instance);
        Service = new BroadcastService(_ledger, archive, chats, senders, runner, pacers, observer is null ? [] : [observer], settings, time, NullLogger<BroadcastService>.Instance, _leases);
        var scheduler = new BroadcastScheduler(_ledger, Service, archive, settings, time, NullLogger<BroadcastScheduler>.Instance);
        _worker = new DeliveryWorker(Service, scheduler, settings, time, NullLogger<DeliveryWorker>.Instance);
    }

    public BroadcastService Service { get; }

    /// <summary>What this host sent to the platform.</summary>
    public HostSender Sender { get; }

    public Task StartAsync() => _worker.StartAsync(CancellationToken.None);

    public void Kill()
    {
        Sender.Killed = true;
        _ledger.Kill();
        _leases.Killed = true;
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await _worker.StopAsync(timeout.Token);
        Service.Dispose();
        _store.Dispose();
    }
}

/// <summary>The platform as one host reaches it: counts its calls, and reaches nothing once the host is killed.</summary>
internal sealed class HostSender(IEditionSender platform) : IEditionSender
{
    private int _calls;

    public volatile bool Killed;

    public int Calls => Volatile.Read(ref _calls);

    public string Channel => platform.Channel;

    public Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        if (Killed) throw new IOException("the sending process is dead");
        Interlocked.Increment(ref _calls);
        return platform.SendAsync(chat, edition, mode, cancellationToken);
    }
}
