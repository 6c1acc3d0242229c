using System.Diagnostics;
using System.Threading.Channels;
using SocialReport.Core.Diagnostics;

namespace SocialReport.EndToEnd.Tests;

/// <summary>
/// The spans that end in this process, as OpenTelemetry would get them: the bot's own, ASP.NET Core's incoming requests
/// and HttpClient's outgoing calls. It hears every test running meanwhile: look for yours by what ties them together.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly string[] Sources = [SocialReportTracing.SourceName, "Microsoft.AspNetCore", "System.Net.Http"];

    private readonly Channel<Activity> _stopped = Channel.CreateUnbounded<Activity>();
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Writer.TryWrite(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Waits (60 s at most) until the spans ended so far hold what <paramref name="found"/> looks for, and returns it.</summary>
    public async Task<T> WaitForAsync<T>(Func<IReadOnlyList<Activity>, T?> found) where T : class
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            while (_stopped.Reader.TryRead(out var span)) _spans.Add(span);
            if (found(_spans) is { } result) return result;
            try
            {
                _spans.Add(await _stopped.Reader.ReadAsync(patience.Token));
            }
            catch (OperationCanceledException)
            {
                var heard = string.Join("\n", _spans.Select(s => $"{s.Source.Name} {s.OperationName} {s.Kind} trace {s.TraceId} span {s.SpanId} parent {s.ParentSpanId} {string.Join(",", s.TagObjects.Where(tag => tag.Key.StartsWith("socialreport.", StringComparison.Ordinal)).Select(tag => $"{tag.Key}={tag.Value}"))}"));
                throw new Xunit.Sdk.XunitException($"not found among the {_spans.Count} spans heard:\n{heard}");
            }
        }
    }

    /// <summary>The spans of one trace.</summary>
    public static IEnumerable<Activity> Of(IEnumerable<Activity> spans, ActivityTraceId trace) => spans.Where(span => span.TraceId == trace);

    public void Dispose() => _listener.Dispose();
}
