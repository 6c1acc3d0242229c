using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Tests.Downloads;

/// <summary>/publish &lt;address&gt; against a loopback https server. The address policy is the tests' seam: these tests
/// let the download reach 127.0.0.1 (and trust that server's certificate), and nothing else that is not public.</summary>
public sealed class EditionDownloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private LoopbackHttpsServer _server = null!;
    private readonly FakeTimeProvider _time = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpsServer.StartAsync();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddEditionSource();
        services.Configure<EditionDownloadOptions>(options =>
        {
            options.MayConnectTo = address => IPAddress.IsLoopback(address) || PublicAddresses.Contains(address);
            options.CertificateValidation = (_, certificate, _, _) => _server.Trusts(certificate);
        });
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<Attachment> LoadAsync(Uri address) =>
        _services.GetRequiredService<IEditionSource>().LoadAsync(address.ToString(), channel: "web", CancellationToken.None);

    private async Task<string> RefusedAsync(Uri address)
    {
        var error = await Assert.ThrowsAsync<EditionSourceException>(() => LoadAsync(address).WaitAsync(Guard));
        Assert.StartsWith($"{address}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LoopbackHttpsServer.Secret, error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Fact]
    public async Task Downloads_an_edition_through_three_redirects()
    {
        var file = await LoadAsync(_server["/hop/2"]).WaitAsync(Guard);

        Assert.Equal("edition.md", file.FileName);
        Assert.Equal(LoopbackHttpsServer.Edition, Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public async Task A_fourth_redirect_is_refused() =>
        Assert.EndsWith("more than 3 redirects", await RefusedAsync(_server["/hop/3"]), StringComparison.Ordinal);

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_without_naming_where_it_led()
    {
        var message = await RefusedAsync(_server["/to-private"]);

        Assert.EndsWith("refused: a redirect leads to an address that is not public", message, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_http_is_refused() =>
        Assert.EndsWith("redirected to an address that is not https", await RefusedAsync(_server["/to-http"]), StringComparison.Ordinal);

    [Fact]
    public async Task A_server_that_never_finishes_is_cut_off_at_the_time_budget()
    {
        var load = LoadAsync(_server["/trickle"]);
        await _server.Trickling.Task.WaitAsync(Guard);

        _time.Advance(new EditionDownloadOptions().Budget + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<EditionSourceException>(() => load.WaitAsync(Guard));
        Assert.Equal($"{_server["/trickle"]}: not downloaded within 20 s", error.Message);
    }

    [Fact]
    public async Task A_body_over_two_megabytes_is_refused_while_reading() =>
        Assert.EndsWith("over 2 MB", await RefusedAsync(_server["/big"]), StringComparison.Ordinal);

    [Fact]
    public async Task A_declared_length_over_two_megabytes_is_refused_before_reading() =>
        Assert.EndsWith("over 2 MB", await RefusedAsync(_server["/declared-big"]), StringComparison.Ordinal);

    [Fact]
    public async Task A_server_error_is_named_by_its_status_alone() =>
        Assert.EndsWith(": HTTP 500", await RefusedAsync(_server["/broken"]), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://10.1.2.3/edition.md", "10.1.2.3 is not a public address (10.1.2.3)")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address (169.254.169.254)")]
    [InlineData("https://[fd00::1]/edition.md", "fd00::1 is not a public address (fd00::1)")]
    public async Task Private_addresses_stay_refused_next_to_the_tests_loopback(string address, string reason) =>
        Assert.EndsWith($"refused: {reason}", await RefusedAsync(new Uri(address)), StringComparison.Ordinal);
}
