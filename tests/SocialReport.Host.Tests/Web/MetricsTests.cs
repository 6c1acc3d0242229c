using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Diagnostics;

namespace SocialReport.Host.Tests.Web;

public sealed class MetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<SocialReportMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = [];

    public MetricsTests()
    {
        // The factory hands out one meter per name: only this provider's, not those of test hosts running alongside.
        var meter = _services.GetRequiredService<IMeterFactory>().Create(SocialReportMetrics.MeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.Start();
    }

    private SocialReportMetrics Metrics => _services.GetRequiredService<SocialReportMetrics>();

    [Fact]
    public void Sends_are_counted_by_outcome_and_429s_apart()
    {
        Metrics.MessageSent("telegram", new SendOutcome.Sent("1"));
        Metrics.MessageSent("telegram", new SendOutcome.RetryAfter(TimeSpan.FromSeconds(3)));
        Metrics.MessageSent("teams", new SendOutcome.Blocked("blocked"));

        Assert.Equal(
            [("telegram", "sent"), ("telegram", "retry_after"), ("teams", "blocked")],
            _measurements.Where(m => m.Instrument == "socialreport.delivery.sends").Select(m => (m.Tags["channel"], m.Tags["outcome"])));
        var throttled = Assert.Single(_measurements, m => m.Instrument == "socialreport.delivery.throttled");
        Assert.Equal("telegram", throttled.Tags["channel"]);
    }

    [Fact]
    public void The_queue_goes_up_and_down()
    {
        Metrics.QueueChanged("telegram", 5);
        Metrics.QueueChanged("telegram", -2);

        Assert.Equal([5L, -2L], _measurements.Where(m => m.Instrument == "socialreport.delivery.queued").Select(m => m.Value));
    }

    [Fact]
    public void Commands_are_counted_with_their_outcome()
    {
        Metrics.CommandHandled("web", "latest", "ok", TimeSpan.FromMilliseconds(12));

        var command = Assert.Single(_measurements, m => m.Instrument == "socialreport.commands");
        Assert.Equal(("web", "latest", "ok"), (command.Tags["channel"], command.Tags["command"], command.Tags["outcome"]));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
