using Microsoft.Playwright;

namespace SocialReport.Host.Tests.Web;

/// <summary>
/// The site on a real port and Debian's Chromium driven by Playwright (its driver ships in the NuGet package; no
/// browser is downloaded: tools/setup.sh installs Chromium).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelWebSite Site { get; } = new();

    /// <summary>Screenshots, kept with the test binaries.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tools/setup.sh (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) at a phone's or a desktop's width; requests matching
    /// <paramref name="missing"/> (a glob) answer 404, as files a build left out would. <paramref name="site"/>: another
    /// site than <see cref="Site"/>.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900, string locale = "fr-FR", string? missing = null, KestrelWebSite? site = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (site ?? Site).Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        if (missing is not null)
            await context.RouteAsync(missing, route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
