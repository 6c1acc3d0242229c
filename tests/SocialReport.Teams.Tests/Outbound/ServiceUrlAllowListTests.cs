using SocialReport.Teams.Outbound;

namespace SocialReport.Teams.Tests.Outbound;

/// <summary>Which service URLs the bot calls (and takes activities from): listed hosts exactly, over https.</summary>
public sealed class ServiceUrlAllowListTests
{
    private static readonly ServiceUrlAllowList Public = new(TeamsOptions.PublicServiceHosts);
    private static readonly ServiceUrlAllowList Local = new(["127.0.0.1:5000", "[::1]:5000", "10.0.0.5:5000"]);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.TrafficManager.NET/apac/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    [InlineData("https://smba.trafficmanager.net:443/amer/")]
    public void Allows_the_public_Teams_hosts(string url)
    {
        Assert.Null(Public.Refusal(url));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://evil.smba.trafficmanager.net/amer/")]
    [InlineData("https://evil.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net./amer/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/amer/")]
    [InlineData("https://evil.example@smba.trafficmanager.net/amer/")]
    [InlineData("ftp://smba.trafficmanager.net/amer/")]
    [InlineData("//smba.trafficmanager.net/amer/")]
    [InlineData("/amer/")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? url)
    {
        Assert.NotNull(Public.Refusal(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/amer/", true)]
    [InlineData("https://127.0.0.1:5000/amer/", true)]
    [InlineData("http://[::1]:5000/amer/", true)]
    [InlineData("http://127.0.0.1:5001/amer/", false)]
    [InlineData("http://127.0.0.1/amer/", false)]
    [InlineData("http://localhost:5000/amer/", false)]
    [InlineData("http://10.0.0.5:5000/amer/", false)]
    [InlineData("https://10.0.0.5:5000/amer/", true)]
    public void Takes_plain_http_only_to_a_listed_loopback_address_and_port(string url, bool allowed)
    {
        Assert.Equal(allowed, Local.Refusal(url) is null);
    }
}
