namespace SocialReport.Core.Delivery;

/// <summary>
/// Stamps the paced send on the caller's flow (<see cref="ChannelPacer.AcquireAsync"/>) with the moment its answer's
/// headers arrived: the windows count the message from there rather than from when the sender had read and parsed the
/// answer and its continuation got a thread, which under load can be milliseconds later. Never earlier than the truth:
/// the stamp is taken once the headers are in. Put it innermost on a broadcast's HttpClient; without a paced send on
/// the flow it does nothing.
/// </summary>
public sealed class PacedAnswerHandler(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        ChannelPacer.Answered(time.GetUtcNow());
        return response;
    }
}
