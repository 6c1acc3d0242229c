using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Teams.Tests;

/// <summary>The pacing AddTeams gives the core for the <c>teams</c> channel, under <c>Delivery:Teams</c>.</summary>
public sealed class TeamsPacingTests
{
    private static ChannelPacingOptions Pacing(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddTeams();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.ForChannel("teams");
    }

    [Fact]
    public void The_connector_limits_are_the_defaults()
    {
        var pacing = Pacing();
        Assert.Equal((50.0, "7/1s,8/2s,60/30s,1800/1h", "", "50/1s", ThrottleScope.Group),
            (pacing.MessagesPerSecond, pacing.PerChat, pacing.PerGroupChat, pacing.PerPacingGroup, pacing.RetryAfterPauses));
    }

    [Fact]
    public void Delivery_Teams_settings_apply_over_them()
    {
        var pacing = Pacing(("Delivery:Teams:MessagesPerSecond", "100"));
        Assert.Equal((100.0, "50/1s"), (pacing.MessagesPerSecond, pacing.PerPacingGroup));
    }
}
