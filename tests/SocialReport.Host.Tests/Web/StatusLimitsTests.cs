using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SocialReport.Host.Web;

namespace SocialReport.Host.Tests.Web;

/// <summary>The status token cannot be guessed: it is long, wrong tries are limited per address, and its cookie is Secure behind https.</summary>
public sealed class StatusLimitsTests
{
    private static HttpRequestMessage Status(string token) =>
        new(HttpMethod.Get, "/api/status") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static HttpRequestMessage SignIn(string token, string forwardedFor, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/status/sign-in") { Content = new FormUrlEncodedContent([new("token", token)]) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    [Fact]
    public async Task Bearer_guesses_from_one_address_get_429_after_ten_even_with_the_right_token()
    {
        await using var site = KestrelWebSite.Start();
        using var guesser = site.Client(forwardedFor: "203.0.113.9");
        for (var i = 0; i < TokenGuesses.PerMinute; i++)
        {
            using var request = Status($"guess-{i}");
            using var wrong = await guesser.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = Status(WebSite.StatusToken);
        using var refused = await guesser.SendAsync(right);
        using var form = await guesser.SendAsync(SignIn(WebSite.StatusToken, "203.0.113.9"));
        using var editor = site.Client(forwardedFor: "203.0.113.10");
        using var fromElsewhere = Status(WebSite.StatusToken);
        using var allowed = await editor.SendAsync(fromElsewhere);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await guesser.AssertAliveAsync();
    }

    [Fact]
    public async Task A_token_of_31_characters_refuses_start_up_and_32_are_enough()
    {
        using var directory = new TempDirectory();
        string[] Settings(string token) =>
            ["--urls", "http://127.0.0.1:0", $"--Storage:Path={directory.File(token.Length + ".db")}", "--Storage:SeedDirectory=", $"--Web:StatusToken={token}"];

        await using (var short31 = HostApp.Create(Settings(new string('k', 31))))
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => short31.StartAsync());
            Assert.Contains("Web:StatusToken must be at least 32 characters", error.Message, StringComparison.Ordinal);
        }

        await using var long32 = HostApp.Create(Settings(new string('k', 32)));
        await long32.StartAsync();
        await long32.StopAsync();
    }

    [Fact]
    public async Task The_cookie_is_secure_when_a_trusted_proxy_says_the_client_came_over_https()
    {
        await using var site = KestrelWebSite.Start();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.Address };

        using var https = await client.SendAsync(SignIn(WebSite.StatusToken, "203.0.113.11", "https"));
        using var http = await client.SendAsync(SignIn(WebSite.StatusToken, "203.0.113.11"));

        Assert.Contains("secure", Assert.Single(https.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", Assert.Single(http.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task An_untrusted_sender_cannot_claim_https()
    {
        await using var site = KestrelWebSite.Start(("Web:TrustedProxies:0", "192.0.2.1"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.Address };

        using var response = await client.SendAsync(SignIn(WebSite.StatusToken, "203.0.113.12", "https"));

        Assert.DoesNotContain("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        await client.AssertAliveAsync();
    }
}
