using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Tests.Web;

public sealed class StatusApiTests(WebSite site) : IClassFixture<WebSite>
{
    private HttpClient Client(bool cookies = false) => site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    [Fact]
    public async Task Anonymous_visitors_get_401()
    {
        using var response = await Client().GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_wrong_bearer_token_gets_401()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebSite.StatusToken + "x");
        using var response = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_bearer_token_shows_subscriber_counts_by_channel_and_state_and_no_broadcast_yet()
    {
        using var chat = await Client().PostJsonAsync("/api/chat", new { text = "/start", session = "status-" + Guid.NewGuid().ToString("N") });
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebSite.StatusToken);

        using var response = await client.GetAsync("/api/status");
        var status = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var web = status.GetProperty("subscribers").EnumerateArray()
            .Where(r => r.GetProperty("channel").GetString() == "web" && r.GetProperty("state").GetString() == "active")
            .Sum(r => r.GetProperty("count").GetInt32());
        Assert.True(web >= 1);
        Assert.DoesNotContain("status-", status.GetRawText(), StringComparison.Ordinal);
        var broadcasts = status.GetProperty("broadcasts");
        Assert.True(broadcasts.GetProperty("available").GetBoolean());
        Assert.Empty(broadcasts.GetProperty("running").EnumerateArray());
        Assert.Empty(broadcasts.GetProperty("past").EnumerateArray());
    }

    [Fact]
    public async Task Signing_in_with_the_form_sets_a_strict_http_only_cookie_that_opens_the_api()
    {
        var client = Client(cookies: true);
        using var signIn = await client.PostAsync("/status/sign-in", new FormUrlEncodedContent([new("token", WebSite.StatusToken)]));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/status", signIn.Headers.Location?.ToString());
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("sr_status=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WebSite.StatusToken, cookie, StringComparison.Ordinal);

        using var status = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        using var signOut = await client.PostAsync("/status/sign-out", null);
        using var after = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_in_the_form_sets_no_cookie()
    {
        using var signIn = await Client().PostAsync("/status/sign-in", new FormUrlEncodedContent([new("token", "guess")]));
        Assert.Equal("/status?refused=1", signIn.Headers.Location?.ToString());
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_forged_cookie_gets_401()
    {
        var client = Client();
        client.DefaultRequestHeaders.Add("Cookie", $"sr_status={DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}.forged");
        using var response = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Broadcasts_come_from_the_registered_status_source()
    {
        var running = new BroadcastSummary("2020-03-27#1", "2020-03-27", "running", DateTimeOffset.UnixEpoch, null, 10, 4, 1, 0, 0, 0, 5, 2, 1.5);
        var past = running with { Id = "2020-03-20#1", EditionId = "2020-03-20", State = "completed", Sent = 9, Pending = 0 };
        using var withBroadcasts = site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IBroadcastStatus>(new FixedBroadcasts([running], [past]))));
        var client = withBroadcasts.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebSite.StatusToken);

        var broadcasts = (await client.GetJsonAsync("/api/status")).GetProperty("broadcasts");

        Assert.True(broadcasts.GetProperty("available").GetBoolean());
        Assert.Equal(4, broadcasts.GetProperty("running")[0].GetProperty("sent").GetInt32());
        Assert.Equal(2, broadcasts.GetProperty("running")[0].GetProperty("throttled").GetInt32());
        Assert.Equal("completed", broadcasts.GetProperty("past")[0].GetProperty("state").GetString());
    }

    private sealed class FixedBroadcasts(IReadOnlyList<BroadcastSummary> running, IReadOnlyList<BroadcastSummary> past) : IBroadcastStatus
    {
        public IReadOnlyList<BroadcastSummary> Running() => running;
        public IReadOnlyList<BroadcastSummary> Past(int take) => [.. past.Take(take)];
    }
}

public sealed class StatusDisabledTests
{
    [Fact]
    public async Task Without_a_token_the_status_api_is_off()
    {
        await using var site = WebSite.With(("Web:StatusToken", ""));
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "");

        using var response = await client.GetAsync("/api/status");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Web:StatusToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
