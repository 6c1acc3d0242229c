using Microsoft.Playwright;

namespace SocialReport.Host.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(Browser browser)
{
    [Fact]
    public async Task Preview_shows_the_seed_as_a_telegram_bubble_and_as_a_teams_card()
    {
        var page = await browser.OpenAsync($"/?edition={Seed.EditionId}", locale: "en-US");
        var telegram = page.Locator("section[data-channel=telegram]");
        var teams = page.Locator("section[data-channel=teams]");
        await telegram.Locator(".tg-bubble").First.WaitForAsync();
        await teams.Locator(".teams-card .ac-adaptiveCard").First.WaitForAsync();

        var telegramText = await telegram.InnerTextAsync();
        var teamsText = await teams.InnerTextAsync();
        foreach (var headline in Seed.Headlines)
        {
            Assert.Contains(headline, telegramText, StringComparison.Ordinal);
            Assert.Contains(headline, teamsText, StringComparison.Ordinal);
        }
        var telegramStory = await telegram.Locator("li.message[data-kind=story]").Nth(1).InnerTextAsync();
        var teamsStory = await teams.Locator("li.message[data-kind=story]").Nth(1).InnerTextAsync();
        foreach (var source in Seed.WhatsAppSources)
        {
            Assert.Contains(source, telegramStory, StringComparison.Ordinal);
            Assert.Contains(source, teamsStory, StringComparison.Ordinal);
        }
        Assert.Contains("text ", await telegram.Locator(".budget").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/ 81,920 bytes", await teams.Locator(".budget").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "preview-full.png"), FullPage = true });
        var summary = await page.Locator("#summary").BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Browser.Artifacts, "preview.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = summary!.Y - 16, Width = 1280, Height = 1100 },
        });
    }

    [Fact]
    public async Task Built_without_Nodejs_the_preview_says_the_Teams_drawing_is_unavailable_and_still_shows_Telegram()
    {
        var page = await browser.OpenAsync($"/?edition={Seed.EditionId}", locale: "en-US", missing: "**/lib/**");
        var telegram = page.Locator("section[data-channel=telegram]");
        var teams = page.Locator("section[data-channel=teams]");
        await telegram.Locator(".tg-bubble").First.WaitForAsync();
        await teams.Locator(".teams-unavailable").First.WaitForAsync();

        Assert.Contains(Seed.Headlines[0], await telegram.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("The Teams drawing is unavailable", await teams.Locator(".teams-unavailable").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_stories_unfold_in_the_edition_card()
    {
        var page = await browser.OpenAsync($"/?edition={Seed.EditionId}");
        var edition = page.Locator("section[data-channel=teams] li.message[data-kind=cover] .ac-adaptiveCard");
        await edition.WaitForAsync();
        Assert.DoesNotContain("Blog du Modérateur", await edition.InnerTextAsync(), StringComparison.Ordinal);

        await edition.GetByRole(AriaRole.Button, new() { Name = "Lire" }).Nth(1).ClickAsync();

        Assert.Contains("Blog du Modérateur", await edition.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_stacks_the_channels_on_a_phone_without_sideways_scrolling()
    {
        var page = await browser.OpenAsync($"/?edition={Seed.EditionId}", width: 360, height: 780);
        await page.Locator("section[data-channel=teams] .ac-adaptiveCard").First.WaitForAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "preview-360.png") });
        foreach (var channel in new[] { "telegram", "teams" })
        {
            await page.Locator($"section[data-channel={channel}] li.message").Nth(2).ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, $"preview-360-{channel}.png") });
        }

        var telegram = await page.Locator("section[data-channel=telegram]").BoundingBoxAsync();
        var teams = await page.Locator("section[data-channel=teams]").BoundingBoxAsync();
        Assert.True(teams!.Y >= telegram!.Y + telegram.Height, "Teams is under Telegram");
        var overflowing = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className).slice(0, 5)");
        Assert.True(overflowing.Length == 0, "wider than the screen: " + string.Join(", ", overflowing));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_file_line_and_reason()
    {
        var page = await browser.OpenAsync("/", locale: "en-US");
        await page.Locator("#edition option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByLabel("Edition file (.md, .txt or .html)").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.md",
            MimeType = "text/markdown",
            Buffer = "---\ntitle: Social Report\ndate: 2020-03-06\nlanguage: de\n---\n\n## Story\n\nText.\n"u8.ToArray(),
        });

        var message = page.Locator("#message.error");
        await message.WaitForAsync();
        Assert.Contains("broken.md:4: language \"de\" is not supported", await message.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Try_it_answers_topic_whatsapp_with_the_seed_story_first_and_opens_it()
    {
        var page = await browser.OpenAsync("/try");

        await page.GetByLabel("Message").FillAsync("/topic whatsapp");
        await page.Keyboard.PressAsync("Enter");

        var list = page.Locator("#log article.card-list");
        await list.WaitForAsync();
        var first = list.Locator("ol.items > li").First;
        Assert.StartsWith("WhatsApp franchit la barre des 2 milliards", await first.InnerTextAsync(), StringComparison.Ordinal);

        await first.GetByRole(AriaRole.Button).ClickAsync();
        var story = page.Locator("#log article.card-story");
        await story.WaitForAsync();
        var text = await story.InnerTextAsync();
        foreach (var source in Seed.WhatsAppSources)
            Assert.Contains(source, text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "try.png"), FullPage = true });
    }

    [Fact]
    public async Task Try_it_pages_in_place_with_the_keyboard()
    {
        var page = await browser.OpenAsync("/try");
        await page.GetByLabel("Message").FillAsync($"/read {Seed.EditionId}/2");
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("#log article.card-story");
        await card.WaitForAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "3 ▶" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("#log article.card-story h3", new() { HasTextString = "3/4 · Marketing" }).WaitForAsync();
        Assert.Equal(1, await page.Locator("#log article.card-story").CountAsync());
    }

    [Fact]
    public async Task Status_refuses_an_anonymous_visitor_and_opens_to_the_token()
    {
        var page = await browser.OpenAsync("/status", locale: "en-US");

        await page.GetByLabel("Status token").WaitForAsync();
        Assert.False(await page.Locator("#status").IsVisibleAsync());
        await browser.Site.CreateClient().PostJsonAsync("/api/chat", new { text = "/start", session = "browser-status-0001" });
        var api = await page.APIRequest.GetAsync("/api/status");
        Assert.Equal(401, api.Status);

        await page.GetByLabel("Status token").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#refused").WaitForAsync();

        await page.GetByLabel("Status token").FillAsync(WebSite.StatusToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#status").WaitForAsync();
        Assert.Contains("Channel", await page.Locator("#subscribers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No broadcasts yet.", await page.Locator("#running").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_telegram_bubble_keeps_only_telegram_tags_and_safe_links()
    {
        var page = await browser.OpenAsync($"/?edition={Seed.EditionId}");
        await page.Locator(".tg-bubble").First.WaitForAsync();

        var html = await page.EvaluateAsync<string>("""
            () => {
              window.hacked = false;
              const phone = TelegramPreview.render({
                text: '<b>gras</b> <img src=x onerror="window.hacked=true"><script>window.hacked=true</script>' +
                      '<a href="javascript:window.hacked=true">lien</a> <a href="https://example.org/" onclick="window.hacked=true">ok</a>' +
                      '<i style="color:red">it</i><iframe src="https://example.org/"></iframe>',
                reply_markup: { inline_keyboard: [[{ text: '<b>x</b>', url: 'javascript:window.hacked=true' }]] },
              });
              document.body.append(phone);
              return phone.innerHTML;
            }
            """);
        await page.WaitForTimeoutAsync(200);

        Assert.False(await page.EvaluateAsync<bool>("window.hacked"));
        foreach (var forbidden in new[] { "<img", "<script", "<iframe", "javascript:", "onclick", "onerror", "style=" })
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>gras</b>", html, StringComparison.Ordinal);
        Assert.Contains("<a>lien</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">ok</a>", html, StringComparison.Ordinal);
        Assert.Contains("<i>it</i>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tg-button\">&lt;b&gt;x&lt;/b&gt;</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_page_shows_a_signed_in_editor_the_subscribers()
    {
        var page = await browser.OpenAsync("/status", width: 360, height: 780, locale: "en-US");
        await page.GetByLabel("Status token").FillAsync(WebSite.StatusToken);
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("#status").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "status-360.png"), FullPage = true });
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());
    }

    [Fact]
    public async Task Pages_speak_the_browsers_language_and_switch_between_french_and_english()
    {
        var page = await browser.OpenAsync("/", locale: "fr-FR");
        await page.Locator("#edition option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Prévisualiser une édition", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Aperçu · Social Report", await page.TitleAsync());
        Assert.EndsWith("(4 articles)", await page.Locator("#edition option").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "FR", Exact = true }).GetAttributeAsync("aria-pressed"));

        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Preview an edition", await page.Locator("h1").InnerTextAsync());
        Assert.EndsWith("(4 stories)", await page.Locator("#edition option").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Try it", await page.GetByRole(AriaRole.Link, new() { Name = "Try it" }).InnerTextAsync());

        // Remembered on the other pages of the site.
        await page.GotoAsync("/status");
        Assert.Equal("Status token", await page.Locator("label[for=token]").InnerTextAsync());

        var english = await browser.OpenAsync("/try", locale: "en-GB");
        Assert.Equal("Try the bot", await english.Locator("h1").InnerTextAsync());
        await english.GetByRole(AriaRole.Button, new() { Name = "FR", Exact = true }).ClickAsync();
        Assert.Equal("Essayer le bot", await english.Locator("h1").InnerTextAsync());
        Assert.Equal("Envoyer", await english.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).InnerTextAsync());

        await english.GetByLabel("Message").FillAsync("/frobnicate");
        await english.Keyboard.PressAsync("Enter");
        var answer = english.Locator("#log article.card-notice");
        await answer.WaitForAsync();
        Assert.Contains("Je ne connais pas", await answer.InnerTextAsync(), StringComparison.Ordinal);
    }
}
