using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Tests.Web;

/// <summary>The file preview is public: limited per client address, in concurrency and in time, its body capped.</summary>
public sealed class PreviewLimitsTests
{
    private const string Edition = "---\ntitle: Essai\ndate: 2021-01-08\nlanguage: fr\n---\n\nUne introduction.\n\n## Une histoire\n\nSelon [Le Monde](https://www.lemonde.fr/), tout va bien.\n";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, string content = Edition) =>
        client.PostAsync("/api/preview", PreviewApiTests.Upload("essai.md", content));

    [Fact]
    public async Task A_file_over_2_MB_is_413()
    {
        await using var site = KestrelWebSite.Start();
        using var client = site.Client();

        using var response = await PreviewAsync(client, Edition + new string('a', 2 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task A_flood_from_one_address_is_429_while_another_address_still_gets_its_preview()
    {
        await using var site = KestrelWebSite.Start(("Web:PreviewRate", "3/1h"));
        using var flooder = site.Client(forwardedFor: "203.0.113.5");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PreviewAsync(flooder);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await PreviewAsync(flooder);
        using var other = site.Client(forwardedFor: "203.0.113.6");
        using var neighbour = await PreviewAsync(other);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        await flooder.AssertAliveAsync();
    }

    [Fact]
    public async Task A_sender_that_is_not_a_trusted_proxy_cannot_choose_its_address()
    {
        await using var site = KestrelWebSite.Start(("Web:PreviewRate", "3/1h"), ("Web:TrustedProxies:0", "192.0.2.1"));
        for (var i = 0; i < 3; i++)
        {
            using var spoofer = site.Client(forwardedFor: $"198.51.100.{i}");
            using var allowed = await PreviewAsync(spoofer);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var client = site.Client(forwardedFor: "198.51.100.99");
        using var refused = await PreviewAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task Previews_over_the_concurrency_cap_are_refused_at_once()
    {
        var blocking = new BlockingPreview();
        await using var site = WebSite.With(("Web:PreviewConcurrency", "1"));
        await using var blocked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEditionPreview>(blocking)));
        var client = blocked.CreateClient();

        var first = PreviewAsync(client);
        await blocking.Entered.WaitAsync(Guard);
        using var second = await PreviewAsync(client).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.False(first.IsCompleted);
        blocking.Release();
        using var firstResponse = await first.WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task A_preview_past_its_time_budget_is_answered_503_and_the_host_goes_on()
    {
        var blocking = new BlockingPreview();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = WebSite.With(("Web:PreviewTimeBudget", "00:00:05"));
        await using var blocked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IEditionPreview>(blocking);
        }));
        var client = blocked.CreateClient();

        var pending = PreviewAsync(client);
        await blocking.Entered.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending.WaitAsync(Guard);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("longer than 5 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        blocking.Release();
        await client.AssertAliveAsync();
    }

    /// <summary>A channel preview that holds its import until the test lets it go.</summary>
    private sealed class BlockingPreview : IEditionPreview
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Channel => "blocking";

        public Task Entered => _entered.Task;

        public void Release() => _release.TrySetResult();

        public IReadOnlyList<PreviewMessage> Render(Edition edition, string language)
        {
            _entered.TrySetResult();
            _release.Task.Wait(Guard);
            return [];
        }
    }
}
