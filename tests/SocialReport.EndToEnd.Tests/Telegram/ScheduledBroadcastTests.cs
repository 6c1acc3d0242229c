using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>The weekly cron of the configuration, through the real host: the worker starts it, readers get it, a restart never repeats it.</summary>
public sealed class ScheduledBroadcastTests(FakeBotApi api) : IClassFixture<FakeBotApi>, IDisposable
{
    private const string Cron = "0 9 * * FRI";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly long[] Readers = [.. Enumerable.Range(0, 12).Select(i => 710_000L + i)];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_weekly_cron_broadcasts_the_latest_edition_once_even_when_the_host_restarts()
    {
        // The host's clock reads an hour before the next Friday 9:00 in Paris, then, once the readers are in, two seconds before;
        // it runs at the wall clock's pace in between.
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var friday = NextFridayNine(paris, DateTimeOffset.UtcNow);
        var clock = new FakeTimeProvider(friday - TimeSpan.FromHours(1));
        await using var running = new ClockDriver(clock, Tick, every: Tick);

        await using (var bot = await StartAsync(clock))
        {
            TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<IChatStore>(), Readers);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Empty(bot.Services.GetRequiredService<IDeliveryLedger>().History(10));
            clock.SetUtcNow(friday - TimeSpan.FromSeconds(2));
            await bot.Fake.WaitUntilAsync(() => Readers.All(id => bot.Fake.SentTo(id).Count > 0), TimeSpan.FromSeconds(30), "every reader served by the schedule");
            var broadcast = Assert.Single(bot.Services.GetRequiredService<IDeliveryLedger>().History(10));
            Assert.Equal(("2020-03-06", BroadcastScheduler.CronRequester), (broadcast.EditionId, broadcast.RequestedBy));
            Assert.Equal($"cron:{friday.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)}Z", broadcast.ScheduleId);
            Assert.All(Readers, id => Assert.Contains("6 mars 2020", bot.Fake.SentTo(id).Single().PlainText, StringComparison.Ordinal));
        }

        // Started again a minute later, on the same file: the occurrence already ran.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var again = await StartAsync(clock))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Single(again.Services.GetRequiredService<IDeliveryLedger>().History(10));
            Assert.All(Readers, id => Assert.Empty(again.Fake.SentTo(id)));
        }
    }

    private Task<TelegramBotHost> StartAsync(FakeTimeProvider clock) =>
        TelegramBotHost.StartAsync(api, TelegramMode.Polling, settings: new Dictionary<string, string?>
        {
            ["Storage:Path"] = _directory.DatabaseFile,
            ["Delivery:Schedule"] = Cron,
            ["Delivery:TimeZone"] = "Europe/Paris",
            ["Delivery:SchedulerInterval"] = "00:00:01",
        }, services: services => services.AddSingleton<TimeProvider>(clock));

    private static DateTimeOffset NextFridayNine(TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).Date.AddDays(1);
        while (local.DayOfWeek != DayOfWeek.Friday) local = local.AddDays(1);
        var nine = local.AddHours(9);
        return new DateTimeOffset(nine, zone.GetUtcOffset(nine));
    }
}
