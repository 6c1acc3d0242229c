using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Cards;

namespace SocialReport.Host.Tests.Web;

/// <summary>
/// The real host over a temp LiteDB file seeded from the repository's editions/, with the Telegram and Teams
/// previews registered, and a status token.
/// </summary>
public class WebSite : WebApplicationFactory<Program>
{
    public const string StatusToken = "s3cret-status-token-of-32-characters-at-least";

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public WebSite() : this([]) { }

    /// <summary>A site with these settings over the defaults.</summary>
    public static WebSite With(params (string Key, string? Value)[] settings) => new(settings);

    /// <param name="services">Services of the test's own, registered after the host's.</param>
    protected WebSite((string Key, string? Value)[] settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = _directory.DatabaseFile,
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Commands:PerChatPerMinute"] = "1000",
            ["Web:StatusToken"] = StatusToken,
            // Every test of a class comes from the same address: the limits are the hostile tests' business.
            ["Web:PreviewRate"] = "10000/1m",
            ["Web:ChatRate"] = "10000/1m",
        };
        foreach (var (key, value) in settings)
            _settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEditionPreview, TelegramTestPreview>();
            services.AddSingleton<IEditionPreview, TeamsTestPreview>();
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _directory.Dispose();
    }
}

/// <summary>
/// The same site on a real Kestrel port of the loopback interface, for a browser, and for what only a real server does:
/// body size limits, client addresses (loopback is a trusted proxy by default, so X-Forwarded-For names the client).
/// </summary>
public sealed class KestrelWebSite : WebSite
{
    public KestrelWebSite() : this([]) { }

    private KestrelWebSite((string Key, string? Value)[] settings, Action<IServiceCollection>? services = null) : base(settings, services)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
    }

    /// <summary>A site on Kestrel with these settings over the defaults.</summary>
    public static KestrelWebSite Start(params (string Key, string? Value)[] settings) => new(settings);

    /// <summary>A site on Kestrel with services of the test's own and these settings.</summary>
    public static KestrelWebSite Start(Action<IServiceCollection> services, params (string Key, string? Value)[] settings) => new(settings, services);

    public Uri Address { get; }

    /// <summary>A client over real HTTP; <paramref name="forwardedFor"/>, when given, is sent as X-Forwarded-For.</summary>
    public HttpClient Client(string? forwardedFor = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (forwardedFor is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
