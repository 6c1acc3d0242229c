using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Web;

/// <summary>
/// A broadcast's progress as server-sent events: a <c>progress</c> event at once, then each time the broadcast reports
/// (or every <see cref="Poll"/>, for one sent by another host), and a <c>done</c> event when it is finished (or is a canary
/// served, waiting for the editor). At most
/// <see cref="MaxStreams"/> streams at once on the host, each at most <see cref="MaxDuration"/> (the browser reconnects).
/// </summary>
internal static class ConsoleProgress
{
    public const int MaxStreams = 64;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);
    private static readonly ConcurrencyLimiter Streams = new(new ConcurrencyLimiterOptions { PermitLimit = MaxStreams, QueueLimit = 0 });

    public static async Task StreamAsync(string id, string? lang, HttpContext http, EditorActions actions, BroadcastService broadcasts,
        IOptions<JsonOptions> json, TimeProvider time, CancellationToken aborted)
    {
        if (actions.Progress(id) is null)
        {
            await Results.Problem("No such broadcast.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }
        using var lease = Streams.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = "10";
            await Results.Problem("Too many progress streams at once.", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
            return;
        }
        var language = Languages.Of(lang);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        using var limit = new CancellationTokenSource(MaxDuration, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, aborted);
        var signal = new ProgressSignal();
        broadcasts.Watch(id, signal);
        try
        {
            while (!both.IsCancellationRequested)
            {
                var next = signal.Next;
                var progress = actions.Progress(id)!;
                // A canary served waits for the editor: its stream ends there, and the console watches it again once confirmed.
                var finished = progress.State is BroadcastState.Completed or BroadcastState.Cancelled or BroadcastState.CanaryDone;
                var data = JsonSerializer.Serialize(new
                {
                    broadcast = progress.BroadcastId,
                    edition = progress.EditionId,
                    state = progress.State,
                    progress.Sent,
                    progress.Failed,
                    progress.Blocked,
                    progress.Gone,
                    progress.Skipped,
                    progress.Remaining,
                    progress.Total,
                    progress.Waiting,
                    rate = Math.Round(progress.Rate, 1),
                    text = EditorActions.ProgressText(progress, language),
                }, json.Value.SerializerOptions);
                await http.Response.WriteAsync($"event: {(finished ? "done" : "progress")}\ndata: {data}\n\n", both.Token);
                await http.Response.Body.FlushAsync(both.Token);
                if (finished) return;
                await Task.WhenAny(next, Task.Delay(Poll, time, both.Token));
            }
        }
        catch (OperationCanceledException) when (both.IsCancellationRequested)
        {
            // The browser left, or the stream reached its longest: EventSource reconnects when it wants more.
        }
    }

    /// <summary>Wakes the stream when the broadcast reports.</summary>
    private sealed class ProgressSignal : IBroadcastObserver
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next => Volatile.Read(ref _next).Task;

        public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken) => Pulse();

        public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken) => Pulse();

        private Task Pulse()
        {
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return Task.CompletedTask;
        }
    }
}
