using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Host.Tests.Console;

namespace SocialReport.Host.Tests.Web;

/// <summary>An editor in Chromium: signs in by a /login link, pastes an edition, previews, publishes, broadcasts, sees it end, reads its report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleBrowserTests(Browser browser) : IDisposable
{
    private readonly RecordingSender _sender = new();
    private KestrelWebSite? _site;

    public void Dispose() => _site?.Dispose();

    [Fact]
    public async Task An_editor_signs_in_by_link_publishes_an_edition_watches_its_broadcast_finish_and_reads_its_report()
    {
        _site = KestrelWebSite.Start(services => services.AddSingleton<IEditionSender>(_sender),
            ("Admins:Telegram:0", ConsoleSite.Editor), ("Web:PublicUrl", "http://localhost"),
            ("Delivery:Other:MessagesPerSecond", "1000"), ("Delivery:ProgressInterval", "00:00:00.050"));
        var chats = _site.Services.GetRequiredService<IChatStore>();
        for (var i = 0; i < 3; i++) chats.Save(TestChats.Subscriber(RecordingSender.Name, $"browser-reader-{i}"));
        var reply = await _site.Services.GetRequiredService<CommandEngine>().HandleAsync(new Inbound
        {
            Chat = new ChatKey("telegram", ConsoleSite.Editor),
            ChatKind = ChatKind.Private,
            Sender = new Sender(ConsoleSite.Editor, null, "en"),
            Text = "/login",
        }, CancellationToken.None);
        var link = Assert.Single(Assert.IsType<NoticeCard>(Assert.Single(reply.Cards)).Actions.SelectMany(row => row)).Url!;

        var page = await browser.OpenAsync(link.PathAndQuery, locale: "en-US", site: _site);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        Assert.Equal(ConsoleSite.EditorId, await page.Locator("#editor").InnerTextAsync());

        await page.GetByLabel("Or paste it here").FillAsync(ConsoleActionTests.Undated);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await page.Locator("section[data-channel=telegram] .tg-bubble").First.WaitForAsync();
        Assert.Contains("give its date", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Edition date").FillAsync("2021-01-15");
        await page.Locator("#publish:enabled").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.Locator("#message", new() { HasTextString = "published" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the broadcast" }).ClickAsync();
        await page.Locator("#plan-text").WaitForAsync();
        Assert.Contains("3", await page.Locator("#plan-text").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and send" }).ClickAsync();
        await page.Locator("#progress-view[data-state=completed]").WaitForAsync();

        Assert.Contains("completed", await page.Locator("#progress-text").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, _sender.Received.Count);
        Assert.Contains(":2021-01-15", _sender.Received.First(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true }).ClickAsync();
        await page.Locator("#report-view:not([hidden]) #report-lines tbody tr").First.WaitForAsync();
        Assert.Contains("3 sent", await page.Locator("#report-totals").InnerTextAsync(), StringComparison.Ordinal);
        var line = await page.Locator("#report-lines tbody tr").First.Locator("th, td").AllInnerTextsAsync();
        string[] expected = [RecordingSender.Name, "private", "3"];
        Assert.Equal(expected, line.Take(3));
        Assert.EndsWith("/report.csv", await page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href"), StringComparison.Ordinal);
        await page.Locator("#weekly-chart svg rect").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("3", await page.Locator("#weekly-table tbody tr").Last.Locator("td").First.TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "console.png"), FullPage = true });
    }
}
