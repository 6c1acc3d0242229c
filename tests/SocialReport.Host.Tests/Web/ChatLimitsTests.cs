using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Host.Web;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host.Tests.Web;

/// <summary>The try-it chat is public: bodies capped, messages limited per client address, chats kept in memory only.</summary>
public sealed class ChatLimitsTests
{
    private static string Session() => "limits-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_body_over_10_KB_is_413()
    {
        await using var site = KestrelWebSite.Start();
        using var client = site.Client();
        var json = $$"""{"text":"/search {{new string('a', 20 * 1024)}}","session":"{{Session()}}"}""";

        using var response = await client.PostAsync("/api/chat", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task Messages_are_limited_per_client_address_whatever_the_session()
    {
        await using var site = KestrelWebSite.Start(("Web:ChatRate", "5/1h"));
        using var flooder = site.Client(forwardedFor: "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await flooder.PostJsonAsync("/api/chat", new { text = "/help", session = Session() });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await flooder.PostJsonAsync("/api/chat", new { text = "/help", session = Session() });
        using var other = site.Client(forwardedFor: "203.0.113.8");
        using var neighbour = await other.PostJsonAsync("/api/chat", new { text = "/help", session = Session() });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After");
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        await flooder.AssertAliveAsync();
    }

    [Fact]
    public async Task A_thousand_invented_sessions_write_nothing_to_the_store_and_memory_stays_bounded()
    {
        await using var site = WebSite.With(("Web:ChatSessions", "100"));
        var client = site.CreateClient();

        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.PostJsonAsync("/api/chat", new { text = "/start", session = $"invented-{i:D6}-{Guid.NewGuid():N}" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.DoesNotContain(site.Services.GetRequiredService<LiteDbChatStore>().CountByState(), c => c.Channel == "web");
        Assert.Equal(100, site.Services.GetRequiredService<WebChatStore>().Count);
        await client.AssertAliveAsync();
    }
}
