using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Console;

/// <summary>/login links and the console's session, over HTTP, on a host whose clock the tests move.</summary>
public sealed class ConsoleSignInTests : IDisposable
{
    // Starts at the real time: the test client's cookie container drops a cookie its expiry (the host's clock + the
    // idle timeout) puts in the real past, which a fixed start made fail every run once the real clock passed it.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ConsoleSite _site;

    public ConsoleSignInTests() => _site = new ConsoleSite(_time);

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_link_shows_a_button_then_signs_the_editor_in_once_with_a_strict_http_only_cookie()
    {
        var link = await _site.LoginLinkAsync();
        Assert.StartsWith("http://localhost/login?token=", link.ToString(), StringComparison.Ordinal);
        var token = ConsoleSite.Token(link);
        var client = _site.Browser();

        // Opening the link (as a link preview would) uses nothing up.
        using (var page = await client.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form method=\"post\" action=\"/login\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("sr_console=", StringComparison.Ordinal));
        }
        using var signIn = await ConsoleSite.PostLoginAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/console", signIn.Headers.Location?.ToString());
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sr_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var session = await client.GetFromJsonAsync<JsonElement>("/console/api/session");
        Assert.Equal(ConsoleSite.EditorId, session.GetProperty("editor").GetString());
        using var console = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);

        using var again = await ConsoleSite.PostLoginAsync(_site.Browser(), token);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(again.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sr_console=", StringComparison.Ordinal)));
        Assert.Contains(_site.Logs.WithId(1110), line => line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_expires_after_ten_minutes()
    {
        var token = ConsoleSite.Token(await _site.LoginLinkAsync());

        _time.Advance(TimeSpan.FromMinutes(10));

        using var signIn = await ConsoleSite.PostLoginAsync(_site.Browser(), token);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("id=\"refused\"", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_just_short_of_ten_minutes_still_works()
    {
        var token = ConsoleSite.Token(await _site.LoginLinkAsync());

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        using var signIn = await ConsoleSite.PostLoginAsync(_site.Browser(), token);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a-token-far-longer-than-any-token-the-bot-makes-and-longer-than-sixty-four-characters")]
    public async Task A_forged_or_wrong_token_signs_no_one_in(string token)
    {
        await _site.LoginLinkAsync();
        var client = _site.Browser();

        using var signIn = await ConsoleSite.PostLoginAsync(client, token);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain("<script>", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var session = await client.GetAsync("/console/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }

    [Fact]
    public async Task A_reader_gets_no_link()
    {
        var reply = await _site.AskAsync("/login", sender: "777");

        var card = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Contains("editors", card.Text, StringComparison.Ordinal);
        Assert.Empty(card.Actions);
        Assert.DoesNotContain("token=", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_gets_no_link_in_a_group()
    {
        var reply = await _site.AskAsync("/login", kind: ChatKind.Group);

        var card = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Contains("private chat", card.Text, StringComparison.Ordinal);
        Assert.Empty(card.Actions);
        Assert.DoesNotContain("token=", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_and_its_api_need_a_session()
    {
        var client = _site.Browser();

        using var page = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var howTo = await client.GetAsync("/login");
        Assert.Contains("/login", await howTo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "/console/api/session", "/console/api/schedules", "/console/api/broadcasts" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var plan = await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = "latest" });
        Assert.Equal(HttpStatusCode.Unauthorized, plan.StatusCode);
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused()
    {
        var signedIn = await _site.SignInAsync();
        var bare = _site.Browser();
        using (var forged = await bare.PostAsync("/login", new FormUrlEncodedContent([new("token", ConsoleSite.Token(await _site.LoginLinkAsync()))])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        signedIn.Client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        using var without = await signedIn.Client.PostAsJsonAsync("/console/api/broadcasts/drop", new { });
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        signedIn.Client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", signedIn.Antiforgery);
        using var with = await signedIn.Client.PostAsJsonAsync("/console/api/broadcasts/drop", new { });
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task An_editor_taken_off_the_allow_list_is_signed_out_at_the_next_request()
    {
        var client = (await _site.SignInAsync()).Client;
        using (var before = await client.GetAsync("/console/api/session"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var configuration = (IConfigurationRoot)_site.Services.GetRequiredService<IConfiguration>();
        configuration["Admins:Telegram:0"] = "5002";
        configuration.Reload();

        using var after = await client.GetAsync("/console/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_host()
    {
        using var directory = new TempDirectory();
        string cookie;
        using (var first = new ConsoleSite(_time, directory.DatabaseFile))
        {
            var client = first.Browser();
            using var signIn = await ConsoleSite.PostLoginAsync(client, ConsoleSite.Token(await first.LoginLinkAsync()));
            cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sr_console=", StringComparison.Ordinal)).Split(';')[0];
        }

        using var second = new ConsoleSite(_time, directory.DatabaseFile);
        var restarted = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        restarted.DefaultRequestHeaders.Add("Cookie", cookie);
        using var session = await restarted.GetAsync("/console/api/session");

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }
}
