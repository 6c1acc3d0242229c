using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

// Incoming updates: the pending queue and getUpdates long polling (the webhook is the other way; never both at once).
public sealed partial class FakeTelegramServer
{
    private static readonly string[] ExcludedByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<PendingUpdate> _pending = [];
    private readonly Dictionary<long, PendingUpdate> _history = [];
    private long _lastUpdateId = 740_000_000;
    private HashSet<string>? _allowedUpdates;
    private TaskCompletionSource _updatesChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string>? _activePoll;

    private bool IsAllowed(string type) => _allowedUpdates?.Contains(type) ?? !ExcludedByDefault.Contains(type);

    /// <summary>Creates an update (under the lock). Telegram does not create updates of types the bot did not allow.</summary>
    private FakeUpdate Enqueue(string type, JsonObject payload, long chatId, int? messageId = null, string? callbackQueryId = null)
    {
        var id = ++_lastUpdateId;
        var update = new PendingUpdate(id, type, chatId, new JsonObject { ["update_id"] = id, [type] = payload });
        _history[id] = update;
        var queued = IsAllowed(type);
        if (queued)
        {
            _pending.Add(update);
            SignalUpdates();
        }
        return new FakeUpdate(id, type, chatId, messageId, callbackQueryId, queued);
    }

    private void SignalUpdates()
    {
        var changed = _updatesChanged;
        _updatesChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private async Task<MethodResult> GetUpdatesAsync(BotApiRequest request, CancellationToken cancellationToken)
    {
        var offset = request.Integer("offset") ?? 0;
        var limit = (int)Math.Clamp(request.Integer("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(request.Integer("timeout") ?? 0, 0, 50));
        var allowed = AllowedUpdatesOf(request);
        var poll = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_webhook is not null)
                throw BotApiException.Conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            _activePoll?.TrySetResult("terminated by other getUpdates request; make sure that only one bot instance is running");
            _activePoll = poll;
            if (allowed is not null) _allowedUpdates = allowed.Count == 0 ? null : allowed;
            if (offset > 0) _pending.RemoveAll(update => update.UpdateId < offset);
            else if (offset < 0) _pending.RemoveRange(0, Math.Max(0, _pending.Count - (int)Math.Min(-offset, int.MaxValue)));
        }
        var deadline = Now + timeout;
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (poll.Task.IsCompleted) throw BotApiException.Conflict(poll.Task.Result);
                    var batch = _pending.Take(limit).Select(update => (JsonNode)update.Json.DeepClone()).ToArray();
                    if (batch.Length > 0 || Now >= deadline) return new MethodResult(new JsonArray(batch));
                    changed = _updatesChanged.Task;
                }
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timedOut = Task.Delay(Max(deadline - Now, TimeSpan.Zero), _time, wake.Token);
                await Task.WhenAny(changed, poll.Task, timedOut);
                await wake.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll) _activePoll = null;
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The allowed_updates of a call: null when absent, empty for "back to the default".</summary>
    private static HashSet<string>? AllowedUpdatesOf(BotApiRequest request)
    {
        var node = request.Json("allowed_updates", "can't parse allowed updates JSON object");
        if (node is null) return null;
        if (node is not JsonArray array) throw BotApiException.BadRequest("Field \"allowed_updates\" must be an Array");
        return [.. array.Select(StringOf).OfType<string>()];
    }
}
