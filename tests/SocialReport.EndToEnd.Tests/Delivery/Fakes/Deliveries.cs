using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Storage.LiteDb;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>One "process" of the delivery machinery on a LiteDB file: dispose it to stop, build another on the same file to restart.</summary>
internal sealed class Deliveries : IAsyncDisposable
{
    public Deliveries(string databasePath, TimeProvider time, MemoryChatStore chats, MemoryArchive archive, IReadOnlyList<IEditionSender> senders, DeliveryOptions? options = null, bool killable = false)
    {
        var settings = Options.Create(options ?? Defaults());
        Storage = new LiteDbStore(databasePath);
        Store = new LiteDbDeliveryLedger(Storage, settings, time);
        Killable = killable ? new KillableLedger(Store) : null;
        Ledger = Killable ?? (IDeliveryLedger)Store;
        var pacers = new DeliveryPacers(settings, time);
        Runner = new BroadcastRunner(Ledger, archive, chats, new Subscriptions(chats, time), senders, pacers, settings, time, NullLogger<BroadcastRunner>.Instance);
        Service = new BroadcastService(Ledger, archive, chats, senders, Runner, pacers, [], settings, time, NullLogger<BroadcastService>.Instance);
        Scheduler = new BroadcastScheduler(Ledger, Service, archive, settings, time, NullLogger<BroadcastScheduler>.Instance);
    }

    public static DeliveryOptions Defaults(string? schedule = null) => new()
    {
        MaxConcurrency = 8,
        RetryBaseDelay = TimeSpan.FromSeconds(2),
        RetryMaxDelay = TimeSpan.FromSeconds(30),
        Schedule = schedule,
        Channels = { ["Telegram"] = Telegram() },
    };

    /// <summary>The pacing the Telegram adapter registers, for the fake platform named after it.</summary>
    public static ChannelPacingOptions Telegram() =>
        new() { MessagesPerSecond = 30, PerChat = "1/1s", PerGroupChat = "20/1m", RetryAfterPauses = ThrottleScope.Channel };

    public LiteDbStore Storage { get; }
    public LiteDbDeliveryLedger Store { get; }
    public KillableLedger? Killable { get; }
    public IDeliveryLedger Ledger { get; }
    /// <summary>What the service runs each broadcast with, for tests that run broadcasts themselves.</summary>
    public BroadcastRunner Runner { get; }
    public BroadcastService Service { get; }
    public BroadcastScheduler Scheduler { get; }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await Service.StopAsync(timeout.Token);
        Service.Dispose();
        Storage.Dispose();
    }
}
