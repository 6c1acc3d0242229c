using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SocialReport.Host.Tests.Web;

namespace SocialReport.Host.Tests;

/// <summary>OpenTelemetry leaves the host only for an OTLP endpoint, with the bot's own spans among the requests'.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_requests_commands_and_metrics_are_exported()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await LoopbackServer.StartAsync(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path.Value!, body.ToArray()));
        });
        using var directory = new TempDirectory();
        var app = HostApp.Create(["--urls", "http://127.0.0.1:0", $"--Storage:Path={directory.DatabaseFile}", "--Storage:SeedSamples=false",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={collector.BaseUrl}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"]);
        await using (app)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await client.PostJsonAsync("/api/chat", new { text = "/help", session = "otlp-" + Guid.NewGuid().ToString("N") });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await app.StopAsync(); // the exporters flush what they hold
        }

        var traces = Encoding.UTF8.GetString([.. received.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body)]);
        Assert.Contains("POST /api/chat", traces, StringComparison.Ordinal);
        Assert.Contains("socialreport.command", traces, StringComparison.Ordinal);
        Assert.Contains("help", traces, StringComparison.Ordinal);
        Assert.Contains(received, r => r.Path == "/v1/metrics");
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_tracer_makes_activities_nobody_reads()
    {
        using var directory = new TempDirectory();
        await using var app = HostApp.Create(["--urls", "http://127.0.0.1:0", $"--Storage:Path={directory.DatabaseFile}", "--Storage:SeedSamples=false"]);

        Assert.Null(app.Services.GetService<TracerProvider>());
    }
}
