using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Cards;

namespace SocialReport.Web.Tests;

/// <summary>
/// The real host over a temp LiteDB file seeded from the repository's editions/, with the Telegram and Teams
/// previews registered, and a status token.
/// </summary>
public class WebSite : WebApplicationFactory<Program>
{
    public const string StatusToken = "s3cret-status-token";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socialreport-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public WebSite() : this([]) { }

    /// <summary>A site with these settings over the defaults.</summary>
    public static WebSite With(params (string Key, string? Value)[] settings) => new(settings);

    protected WebSite((string Key, string? Value)[] settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(_directory, "bot.db"),
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Commands:PerChatPerMinute"] = "1000",
            ["Web:StatusToken"] = StatusToken,
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
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same site on a real Kestrel port of the loopback interface, for a browser.</summary>
public sealed class KestrelWebSite : WebSite
{
    public KestrelWebSite()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
    }

    public Uri Address { get; }
}
