using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Diagnostics;
using System.Net;

namespace SocialReport.Host.Tests.Web;

public sealed class HostEndpointTests(WebSite site) : IClassFixture<WebSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Readyz_reports_the_archive_ready()
    {
        var ready = await _client.GetJsonAsync("/readyz");

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var archive = Assert.Single(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "archive");
        Assert.Equal("4 editions", archive.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Healthz_is_alive()
    {
        Assert.Equal("ok", await _client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Metrics_are_not_served_by_default()
    {
        using var response = await _client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "Preview an edition")]
    [InlineData("/try", "Try the bot")]
    [InlineData("/status", "Status token")]
    public async Task Pages_are_served_with_a_language_and_a_strict_content_policy(string path, string text)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/adaptivecards.min.js", "AdaptiveCards")]
    [InlineData("/lib/markdown-it.umd.min.js", "markdownit")]
    public async Task The_npm_libraries_are_served_from_wwwroot_lib(string path, string global)
    {
        var script = await _client.GetStringAsync(path);
        Assert.Contains(global, script, StringComparison.Ordinal);
    }
}

public sealed class PrometheusTests
{
    [Fact]
    public async Task With_prometheus_on_metrics_show_the_commands_answered()
    {
        await using var site = WebSite.With(("Metrics:Prometheus", "true"));
        var client = site.CreateClient();
        using var chat = await client.PostJsonAsync("/api/chat", new { text = "/latest", session = "metrics-" + Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);

        using var response = await client.GetAsync("/metrics");
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counter = metrics.Split('\n').Where(l => l.StartsWith("socialreport_commands_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(counter, l => l.Contains("channel=\"web\"", StringComparison.Ordinal)
            && l.Contains("command=\"latest\"", StringComparison.Ordinal) && l.Contains("outcome=\"ok\"", StringComparison.Ordinal));
        Assert.Contains("socialreport_command_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metric_keeps_a_bounded_number_of_tag_combinations_and_counts_the_rest_as_overflow()
    {
        await using var site = WebSite.With(("Metrics:Prometheus", "true"));
        var client = site.CreateClient();
        var metrics = site.Services.GetRequiredService<SocialReportMetrics>();
        for (var i = 0; i < TelemetryServices.TagCombinations + 100; i++)
            metrics.CommandHandled("web", "command" + i.ToString(CultureInfo.InvariantCulture), "ok", TimeSpan.FromMilliseconds(1));

        var lines = (await client.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("socialreport_commands_total{", StringComparison.Ordinal)).ToList();

        // Without the limit, all 600 (OpenTelemetry keeps 2 000); with it, no more than the limit (other tests' hosts
        // in this process record commands on the same meter name, and take some of the places).
        Assert.InRange(lines.Count(l => l.Contains("command=\"command", StringComparison.Ordinal)), 1, TelemetryServices.TagCombinations);
        Assert.Contains(lines, l => l.Contains("otel_metric_overflow=\"true\"", StringComparison.Ordinal));
    }
}
