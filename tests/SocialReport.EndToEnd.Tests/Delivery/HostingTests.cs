using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialReport.Core;
using SocialReport.Core.Archive;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using SocialReport.Storage.LiteDb;

namespace SocialReport.EndToEnd.Tests.Delivery;

public sealed class HostingTests : DeliveryTests
{
    private IHost Build(FakePlatform platform, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(_ => new LiteDbStore(_directory.DatabaseFile));
        builder.Services.AddSingleton<IDeliveryLedger, LiteDbDeliveryLedger>();
        builder.Services.AddSingleton<IChatStore>(_chats);
        builder.Services.AddSingleton<IEditionArchive>(_archive);
        builder.Services.AddSingleton<IEditionSender>(platform);
        builder.Services.AddChannel(new ChannelSettings("telegram", "Telegram") { PacingDefaults = Deliveries.Telegram });
        builder.Services.AddBroadcasts();
        return builder.Build();
    }

    [Fact]
    public async Task The_worker_resumes_unfinished_broadcasts_at_start_up()
    {
        _archive.Publish(MemoryArchive.Edition("2020-03-06"));
        for (var i = 0; i < 20; i++) _chats.Save(TestChats.Subscriber("telegram", (900 + i).ToString(CultureInfo.InvariantCulture)));
        var platform = new FakePlatform("telegram", _time);
        string id;
        using (var database = new LiteDbStore(_directory.DatabaseFile))
        {
            var ledger = new LiteDbDeliveryLedger(database, Options.Create(new DeliveryOptions()), _time);
            id = ledger.Create("2020-03-06", false, DeliveryMode.Edition, "telegram:1", _chats.Active("telegram").Select(chat => chat.Key)).Id;
        }

        using var host = Build(platform, new() { ["Delivery:MaxConcurrency"] = "4", ["Delivery:Telegram:MessagesPerSecond"] = "10" });
        await using (new ClockDriver(_time, TimeSpan.FromMilliseconds(20)))
        {
            await host.StartAsync();
            var options = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            var telegram = options.ForChannel("telegram");
            Assert.Equal((4, 10.0, "1/1s", "20/1m"), (options.MaxConcurrency, telegram.MessagesPerSecond, telegram.PerChat, telegram.PerGroupChat));
            var broadcasts = host.Services.GetRequiredService<BroadcastService>();
            var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (ledger.Get(id)!.State != BroadcastState.Completed && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(BroadcastState.Completed, ledger.Get(id)!.State);
            Assert.Equal(20, broadcasts.Progress(id)!.Sent);
            await host.StopAsync();
        }
        Assert.Equal(20, platform.ReceivedPerChat().Count);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_start()
    {
        using var host = Build(new FakePlatform("telegram", _time), new() { ["Delivery:Schedule"] = "every friday" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Delivery:Schedule", error.Message, StringComparison.Ordinal);
    }
}
