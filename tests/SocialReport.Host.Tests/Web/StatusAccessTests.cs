using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SocialReport.Host.Web;

namespace SocialReport.Host.Tests.Web;

public sealed class StatusAccessTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
    private WebOptions _options = new() { StatusToken = "token-1", StatusSignInLifetime = TimeSpan.FromHours(1) };
    private readonly StatusAccess _access;

    public StatusAccessTests()
    {
        var monitor = Substitute.For<IOptionsMonitor<WebOptions>>();
        monitor.CurrentValue.Returns(_ => _options);
        _access = new StatusAccess(monitor, _time);
    }

    private string SignInCookie()
    {
        var context = new DefaultHttpContext();
        _access.SignIn(context.Response, secure: false);
        var header = context.Response.Headers.SetCookie.ToString();
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private bool Opens(string cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookie;
        return _access.IsSignedIn(context.Request);
    }

    [Fact]
    public void The_cookie_opens_until_it_expires()
    {
        var cookie = SignInCookie();
        Assert.True(Opens(cookie));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(Opens(cookie));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(Opens(cookie));
    }

    [Fact]
    public void A_new_token_closes_old_cookies()
    {
        var cookie = SignInCookie();
        _options = new WebOptions { StatusToken = "token-2" };
        Assert.False(Opens(cookie));
    }

    [Fact]
    public void A_cookie_with_a_later_expiry_written_in_is_refused()
    {
        var cookie = SignInCookie();
        var value = cookie["sr_status=".Length..];
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var later = long.Parse(value[..dot], System.Globalization.CultureInfo.InvariantCulture) + 3600;
        Assert.False(Opens($"sr_status={later}{value[dot..]}"));
    }

    [Theory]
    [InlineData("token-1", true)]
    [InlineData("token-", false)]
    [InlineData("token-12", false)]
    [InlineData("", false)]
    public void Only_the_exact_token_is_the_token(string candidate, bool expected) =>
        Assert.Equal(expected, _access.IsToken(candidate));

    [Fact]
    public void Nothing_opens_a_disabled_status()
    {
        var cookie = SignInCookie();
        _options = new WebOptions { StatusToken = "" };

        Assert.False(_access.Enabled);
        Assert.False(_access.IsToken(""));
        Assert.False(Opens(cookie));
    }
}
