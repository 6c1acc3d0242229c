using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Inbox;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

internal enum Enqueued { Accepted, Duplicate, Full, TooLarge }

/// <summary>
/// Updates received (by long polling or the webhook) and waiting for the worker: each is kept in the inbox before it is
/// taken, so before Telegram is told it arrived, and completed by the worker once handled. Those a stop or a crash left
/// unhandled are read once, before the first new one is kept, and handed to the worker first. Bounded; repeated ids dropped.
/// </summary>
internal sealed class TelegramUpdateQueue
{
    public const string Source = "telegram";

    /// <summary>Starts that found an update still unhandled before it is given up: one that kills the host must not do so forever.</summary>
    internal const int MaxReplays = 3;

    private readonly Channel<Update> _channel;
    private readonly IUpdateInbox _inbox;
    private readonly ILogger<TelegramUpdateQueue> _logger;
    // The trace of the webhook request each waiting update came in, so that handling it continues that trace.
    private readonly ConcurrentDictionary<int, ActivityContext> _traces = new();
    // Read at first use, not when the queue is made: a command-line verb builds the services without running them. A
    // read that failed (a database not answering yet) is tried again at the next use.
    private readonly Lock _reading = new();
    private readonly bool _enabled;
    private IReadOnlyList<Update>? _unhandled;
    private int _taken;

    public TelegramUpdateQueue(IUpdateInbox inbox, IOptions<TelegramOptions> options, ILogger<TelegramUpdateQueue> logger)
    {
        _inbox = inbox;
        _logger = logger;
        _channel = Channel.CreateBounded<Update>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _enabled = options.Value.Enabled;
    }

    internal ChannelReader<Update> Reader => _channel.Reader;

    /// <summary>The updates taken before the last stop and never handled, oldest first; the worker's, once.</summary>
    public IReadOnlyList<Update> TakeUnhandled()
    {
        var unhandled = UnhandledOnce();
        return Interlocked.Exchange(ref _taken, 1) == 0 ? unhandled : [];
    }

    private IReadOnlyList<Update> UnhandledOnce()
    {
        if (Volatile.Read(ref _unhandled) is { } read) return read;
        lock (_reading) return _unhandled ??= _enabled ? Unhandled() : [];
    }

    /// <summary>For the webhook, which must answer at once: Full means "answer 503, Telegram will deliver it again".</summary>
    public async Task<Enqueued> TryEnqueueAsync(Update update)
    {
        _ = UnhandledOnce();
        if (Serialized(update) is not { } body) return Enqueued.TooLarge;
        if (!await _inbox.AddAsync(Source, IdOf(update), body).ConfigureAwait(false)) return Enqueued.Duplicate;
        if (Activity.Current is { } request) _traces[update.Id] = request.Context;
        if (_channel.Writer.TryWrite(update)) return Enqueued.Accepted;
        _traces.TryRemove(update.Id, out _);
        _inbox.Remove(Source, IdOf(update));
        return Enqueued.Full;
    }

    /// <summary>
    /// For long polling, which can wait for room before confirming the updates with the next offset. Cancelled while
    /// waiting, the update stays in the inbox and is handled at the next start.
    /// </summary>
    public async ValueTask<Enqueued> EnqueueAsync(Update update, CancellationToken cancellationToken)
    {
        var kept = Keep(update);
        if (kept != Enqueued.Accepted) return kept;
        await _channel.Writer.WriteAsync(update, cancellationToken);
        return Enqueued.Accepted;
    }

    /// <summary>The trace the update came in (its webhook request), once; none (default) for a polled or replayed one.</summary>
    public ActivityContext TakeTrace(Update update) => _traces.TryRemove(update.Id, out var trace) ? trace : default;

    /// <summary>The update was handled, failed, or was dropped: it is not handled again.</summary>
    public Task CompleteAsync(Update update)
    {
        _traces.TryRemove(update.Id, out _);
        return _inbox.CompleteAsync(Source, IdOf(update));
    }

    private Enqueued Keep(Update update)
    {
        _ = UnhandledOnce();
        if (Serialized(update) is not { } body) return Enqueued.TooLarge;
        return _inbox.Add(Source, IdOf(update), body) ? Enqueued.Accepted : Enqueued.Duplicate;
    }

    /// <summary>The update as the inbox keeps it; null when too large to keep.</summary>
    private static string? Serialized(Update update)
    {
        var body = JsonSerializer.Serialize(update, JsonBotAPI.Options);
        return body.Length > IUpdateInbox.MaxBodyChars ? null : body;
    }

    private List<Update> Unhandled()
    {
        var updates = new List<Update>();
        foreach (var entry in _inbox.Replay(Source))
        {
            if (entry.Replays > MaxReplays)
            {
                _logger.TelegramUpdateGivenUp(entry.Id, MaxReplays);
                _inbox.Complete(Source, entry.Id);
                continue;
            }
            try
            {
                updates.Add(JsonSerializer.Deserialize<Update>(entry.Body, JsonBotAPI.Options) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                _logger.TelegramUpdateUnreadable(entry.Id, e.Message);
                _inbox.Complete(Source, entry.Id);
            }
        }
        if (updates.Count > 0)
            _logger.TelegramUpdatesReplayed(updates.Count);
        return updates;
    }

    private static string IdOf(Update update) => update.Id.ToString(CultureInfo.InvariantCulture);
}
