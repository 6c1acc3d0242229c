using System.Net;
using System.Net.Sockets;
using SocialReport.Host.Tests.Commands;

namespace SocialReport.Host.Tests.Downloads;

/// <summary>An editor's <c>/publish &lt;address&gt;</c> with the host's own wiring: loopback, private and link-local
/// addresses are refused before any connection (a listener on loopback sees none), and so is plain http.</summary>
public sealed class PublishAddressTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private BotUnderTest _bot = null!;
    private readonly TcpListener _v4 = new(IPAddress.Loopback, 0);
    private readonly TcpListener _v6 = new(IPAddress.IPv6Loopback, 0);

    public async Task InitializeAsync()
    {
        _v4.Start();
        _v6.Start();
        _bot = await BotUnderTest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _v4.Stop();
        _v6.Stop();
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private async Task<string> PublishAsync(string address) =>
        (await _bot.AskAsync($"/publish {address}", "admin").WaitAsync(Guard)).NoticeText();

    [Fact]
    public async Task Plain_http_is_refused_and_nothing_is_fetched()
    {
        var address = $"http://127.0.0.1:{Port(_v4)}/edition.md";

        Assert.Equal($"Édition refusée : {address}: only https addresses are downloaded", await PublishAsync(address));
        Assert.False(_v4.Pending(), "the listener got a connection");
    }

    [Theory]
    [InlineData("127.0.0.1", false, "127.0.0.1 is not a public address (127.0.0.1)")]
    [InlineData("[::ffff:127.0.0.1]", false, "::ffff:127.0.0.1 is not a public address (::ffff:127.0.0.1)")]
    [InlineData("localhost", false, "localhost is not a public address (")]
    [InlineData("[::1]", true, "::1 is not a public address (::1)")]
    public async Task Loopback_is_refused_before_any_connection(string host, bool ipv6, string reason)
    {
        var listener = ipv6 ? _v6 : _v4;
        var address = $"https://{host}:{Port(listener)}/edition.md";

        var reply = await PublishAsync(address);

        Assert.StartsWith($"Édition refusée : {new Uri(address)}: refused: {reason}", reply, StringComparison.Ordinal);
        Assert.False(_v4.Pending() || _v6.Pending(), "a listener got a connection");
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("[fe80::1]")]
    public async Task Private_and_link_local_addresses_are_refused(string host) =>
        Assert.Contains(": refused: ", await PublishAsync($"https://{host}/edition.md"), StringComparison.Ordinal);
}
