using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using SocialReport.Storage.PostgreSql;
using SocialReport.Telegram;
using SocialReport.Testing.Storage;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>Hosts on one PostgreSQL database in polling mode: one polls getUpdates at a time; another takes over when it dies.</summary>
public sealed class SeveralPollersTests(FakeBotApi api) : IClassFixture<FakeBotApi>, IDisposable
{
    // A database per test: each test's fake Bot API numbers its updates from the same first id, which a shared inbox would
    // take for repeats.
    private readonly PostgreSqlDatabase _database = new();

    private const long Reader = 7070;

    [Fact]
    public async Task Two_hosts_polling_on_one_database_take_turns_and_Telegram_answers_no_conflict()
    {
        await using var fake = StartFake();
        await using var first = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, settings: Shared(), fake: fake);
        await using var second = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, publishSeed: false, settings: Shared(), fake: fake);
        // The second host is past its start-up calls: it would poll now if it did not wait for the lease.
        await fake.WaitUntilAsync(() => fake.RequestCount("deleteWebhook") >= 2, TelegramBotHost.Patience, "both hosts started");

        var polls = fake.RequestCount("getUpdates");
        for (var i = 0; i < 3; i++)
        {
            fake.AddChat(Reader + i);
            Assert.NotEmpty(await first.SayAsync(Reader + i, Reader + i, "/help"));
        }
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") >= polls + 6, TimeSpan.FromSeconds(60), "a while of polling");

        Assert.Equal(0, fake.ConflictsReturned);
    }

    [Fact]
    public async Task When_the_polling_host_dies_another_takes_the_polling_over_within_the_lease()
    {
        // Both hosts' clocks run five times as fast as the wall clock: the lease runs out in three seconds.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var running = new ClockDriver(clock, TimeSpan.FromSeconds(1), every: TimeSpan.FromMilliseconds(200));
        await using var fake = StartFake();
        KillableLeases? leases = null;
        var first = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, settings: Shared(), fake: fake, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IBroadcastLeases>(sp => leases = new KillableLeases(new PostgreSqlBroadcastLeases(sp.GetRequiredService<PostgreSqlStore>(), clock)));
        });
        await using var second = await TelegramBotHost.StartAsync(api, TelegramMode.Polling, publishSeed: false, settings: Shared(), fake: fake,
            services: services => services.AddSingleton<TimeProvider>(clock));
        await fake.WaitUntilAsync(() => fake.RequestCount("deleteWebhook") >= 2, TelegramBotHost.Patience, "both hosts started");
        fake.AddChat(Reader);
        Assert.NotEmpty(await first.SayAsync(Reader, Reader, "/help"));
        Assert.Equal(0, fake.ConflictsReturned);

        // Killed: its lease is neither renewed nor released, and it polls no more.
        leases!.Killed = true;
        await first.DisposeAsync();
        var killedAt = clock.GetUtcNow();
        var polls = fake.RequestCount("getUpdates");
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") > polls, TimeSpan.FromSeconds(60), "another host polling");
        var takenOver = clock.GetUtcNow() - killedAt;

        Assert.NotEmpty(await second.SayAsync(Reader, Reader, "/help"));
        // The lease, last renewed at most RenewEvery before the death, runs out Duration after that renewal; the other host
        // looks every RenewEvery (and a few seconds more for the database calls under load, while the clock runs on).
        Assert.InRange(takenOver, BroadcastLease.Duration - BroadcastLease.RenewEvery, BroadcastLease.Duration + BroadcastLease.RenewEvery + TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _database.Dispose();

    private FakeTelegramServer StartFake() => api.Start(new FakeTelegramOptions { RateLimits = FakeRateLimits.Off });

    private Dictionary<string, string?> Shared() => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _database.ConnectionString,
    };
}
