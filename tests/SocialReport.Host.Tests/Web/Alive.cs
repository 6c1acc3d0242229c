namespace SocialReport.Host.Tests.Web;

internal static class Alive
{
    /// <summary>After a hostile request: the host still answers.</summary>
    public static async Task AssertAliveAsync(this HttpClient client) =>
        Assert.Equal("ok", await client.GetStringAsync("/healthz").WaitAsync(TimeSpan.FromSeconds(60)));
}
