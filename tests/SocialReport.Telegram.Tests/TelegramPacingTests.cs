using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialReport.Core;
using SocialReport.Core.Delivery;

namespace SocialReport.Telegram.Tests;

/// <summary>The pacing AddTelegram gives the core for the <c>telegram</c> channel, under <c>Delivery:Telegram</c>.</summary>
public class TelegramPacingTests
{
    private static ChannelPacingOptions Pacing(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddTelegram();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.ForChannel("telegram");
    }

    [Fact]
    public void The_bot_api_limits_are_the_defaults()
    {
        var pacing = Pacing();
        Assert.Equal((30.0, 1, "1/1s", "20/1m", "", ThrottleScope.Channel),
            (pacing.MessagesPerSecond, pacing.Burst, pacing.PerChat, pacing.PerGroupChat, pacing.PerPacingGroup, pacing.RetryAfterPauses));
    }

    [Fact]
    public void Delivery_Telegram_settings_apply_over_them()
    {
        var pacing = Pacing(("Delivery:Telegram:MessagesPerSecond", "10"), ("Delivery:Telegram:PerChat", "2/1s"));
        Assert.Equal((10.0, "2/1s", "20/1m"), (pacing.MessagesPerSecond, pacing.PerChat, pacing.PerGroupChat));
    }

    [Fact]
    public void A_paid_broadcast_paces_at_its_own_figure()
    {
        Assert.Equal(1000, Pacing(("Delivery:Telegram:PaidBroadcast", "true")).MessagesPerSecond);
        Assert.Equal(800, Pacing(("Delivery:Telegram:PaidBroadcast", "true"), ("Delivery:Telegram:PaidMessagesPerSecond", "800")).MessagesPerSecond);
        Assert.Equal(30, Pacing(("Delivery:Telegram:PaidMessagesPerSecond", "800")).MessagesPerSecond);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void A_bad_paid_pace_stops_the_host_with_one_line(string paid)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Delivery:Telegram:PaidBroadcast", paid), new("Delivery:Telegram:PaidMessagesPerSecond", "0")]);
        builder.AddSocialReportCore();
        builder.AddTelegram();
        using var host = builder.Build();

        // What the host checks at start-up, before any service runs: one failure, not one per section it touches.
        var error = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal("Delivery:Telegram:PaidMessagesPerSecond must be positive.", error.Message);
    }
}
