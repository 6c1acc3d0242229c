using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using SocialReport.Core.Diagnostics;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>A broadcast is one span, each message it sends one span under it, for whoever traces the host.</summary>
public sealed class BroadcastTracingTests : DeliveryTests
{
    // An edition of its own: the listener hears every test's broadcasts, and theirs are of 2020-03-06.
    private const string Traced = "2018-06-01";

    [Fact]
    public async Task Each_send_is_a_span_under_its_broadcast_with_its_outcome()
    {
        _archive.Publish(MemoryArchive.Edition(Traced));
        var telegram = new FakePlatform("telegram", _time, seed: 7);
        var readers = Enumerable.Range(0, 3).Select(i => (6000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var reader in readers) _chats.Save(TestChats.Subscriber("telegram", reader));
        telegram.Blocked.Add(readers[2]);
        var stopped = Channel.CreateUnbounded<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SocialReportTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => stopped.Writer.TryWrite(activity),
        };
        ActivitySource.AddActivityListener(listener);

        await using var deliveries = new Deliveries(_directory.DatabaseFile, _time, _chats, _archive, [telegram]);
        await using var clock = new ClockDriver(_time, Step);
        var start = await deliveries.Service.StartAsync(Traced, force: false, "telegram:1", new RecordingObserver(_time));

        // This broadcast's span ends after its sends.
        var spans = new List<Activity>();
        Activity? broadcast = null;
        while (broadcast is null)
        {
            var span = await stopped.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            spans.Add(span);
            if (span.OperationName == "broadcast" && (string?)span.GetTagItem("socialreport.broadcast") == start.Broadcast.Id) broadcast = span;
        }
        var sends = spans.Where(span => span.OperationName == "broadcast.send" && span.ParentSpanId == broadcast.SpanId).ToList();

        Assert.Equal(3, sends.Count);
        Assert.All(sends, send => Assert.Equal(broadcast.TraceId, send.TraceId));
        Assert.Equal(["Blocked", "Sent", "Sent"], sends.Select(send => (string)send.GetTagItem("socialreport.outcome")!).Order());
        Assert.Equal(Traced, broadcast.GetTagItem("socialreport.edition"));
    }
}
