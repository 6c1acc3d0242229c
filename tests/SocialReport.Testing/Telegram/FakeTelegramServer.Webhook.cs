using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

// The webhook: setWebhook, deleteWebhook, getWebhookInfo, and delivery of pending updates with the secret header,
// per-chat order, max_connections and retries.
public sealed partial class FakeTelegramServer
{
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly HttpClient _ownWebhookClient;
    private HttpClient _webhookClient;
    private WebhookState? _webhook;
    private CancellationTokenSource? _webhookStop;
    private Task _webhookLoop = Task.CompletedTask;
    private string? _lastWebhookError;
    private DateTimeOffset? _lastWebhookErrorAt;

    /// <summary>
    /// Delivers webhook calls through <paramref name="handler"/> instead of the network, e.g. a
    /// WebApplicationFactory's in-memory server (<c>factory.Server.CreateHandler()</c>).
    /// </summary>
    public void RouteWebhooksThrough(HttpMessageHandler handler)
    {
        var client = new HttpClient(handler, disposeHandler: false) { Timeout = Options.WebhookTimeout };
        lock (_gate) _webhookClient = client;
    }

    private MethodResult SetWebhook(BotApiRequest request)
    {
        var url = request.Text("url") ?? "";
        if (url.Length == 0) return DeleteWebhook(request);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw BotApiException.BadRequest("invalid webhook URL specified");
        if (Options.RequireHttpsWebhook && uri.Scheme != "https")
            throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        var secret = request.Text("secret_token") ?? "";
        if (secret.Length > 256) throw BotApiException.BadRequest("secret token is too long");
        if (!secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        var maxConnections = (int)Math.Clamp(request.Integer("max_connections") ?? 40, 1, 100);
        var allowed = AllowedUpdatesOf(request);
        var drop = request.Flag("drop_pending_updates");
        CancellationTokenSource? previous;
        lock (_gate)
        {
            if (allowed is not null) _allowedUpdates = allowed.Count == 0 ? null : allowed;
            if (drop) _pending.Clear();
            var unchanged = _webhook is { } current && current.Url == url && current.SecretToken == (secret.Length == 0 ? null : secret)
                            && current.MaxConnections == maxConnections && !drop;
            _webhook = new WebhookState(url, secret.Length == 0 ? null : secret, _allowedUpdates?.Order(StringComparer.Ordinal).ToArray(), maxConnections);
            if (unchanged) return new MethodResult(true, "Webhook is already set");
            _activePoll?.TrySetResult("terminated by setWebhook request");
            previous = _webhookStop;
            _webhookStop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var hook = _webhook;
            var stop = _webhookStop.Token;
            _webhookLoop = Task.WhenAll(_webhookLoop, Task.Run(() => RunWebhookAsync(hook, stop), CancellationToken.None));
        }
        // Outside the lock: cancelling runs the old loop's continuations inline.
        previous?.Cancel();
        return new MethodResult(true, "Webhook was set");
    }

    private MethodResult DeleteWebhook(BotApiRequest request)
    {
        CancellationTokenSource? previous;
        bool had;
        lock (_gate)
        {
            if (request.Flag("drop_pending_updates")) _pending.Clear();
            had = _webhook is not null;
            _webhook = null;
            previous = _webhookStop;
            _webhookStop = null;
        }
        previous?.Cancel();
        return new MethodResult(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private MethodResult GetWebhookInfo(BotApiRequest request)
    {
        lock (_gate)
        {
            var json = new JsonObject { ["url"] = _webhook?.Url ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _pending.Count };
            if (_webhook is { } hook)
            {
                json["max_connections"] = hook.MaxConnections;
                json["ip_address"] = "127.0.0.1";
                if (hook.AllowedUpdates is { } types) json["allowed_updates"] = new JsonArray([.. types.Select(t => (JsonNode)t)]);
            }
            if (_lastWebhookErrorAt is { } at)
            {
                json["last_error_date"] = at.ToUnixTimeSeconds();
                json["last_error_message"] = _lastWebhookError;
            }
            return new MethodResult(json);
        }
    }

    private async Task StopWebhookAsync()
    {
        CancellationTokenSource? stop;
        Task loop;
        lock (_gate)
        {
            stop = _webhookStop;
            loop = _webhookLoop;
        }
        if (stop is not null) await stop.CancelAsync();
        await loop;
    }

    private async Task RunWebhookAsync(WebhookState hook, CancellationToken stop)
    {
        var deliveries = new List<Task>();
        var stopped = Task.Delay(Timeout.Infinite, stop);
        while (!stop.IsCancellationRequested)
        {
            var due = new List<PendingUpdate>();
            TimeSpan? nextRetry = null;
            Task changed;
            lock (_gate)
            {
                var now = Now;
                var inFlight = _pending.Count(update => update.InFlight);
                var chatsAhead = new HashSet<long>();
                foreach (var update in _pending)
                {
                    // Only the oldest update of each chat may go: a chat's updates arrive in order.
                    if (!chatsAhead.Add(update.QueueKey) || update.InFlight) continue;
                    if (update.NotBefore > now)
                    {
                        nextRetry = nextRetry is { } earlier && earlier < update.NotBefore - now ? earlier : update.NotBefore - now;
                        continue;
                    }
                    if (inFlight >= hook.MaxConnections) break;
                    update.InFlight = true;
                    inFlight++;
                    due.Add(update);
                }
                changed = _updatesChanged.Task;
            }
            deliveries.RemoveAll(task => task.IsCompleted);
            deliveries.AddRange(due.Select(update => DeliverAsync(hook, update, stop)));
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var retry = nextRetry is { } delay ? Task.Delay(delay, _time, wake.Token) : Task.Delay(Timeout.Infinite, wake.Token);
            await Task.WhenAny(changed, stopped, retry);
            await wake.CancelAsync();
        }
        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(WebhookState hook, PendingUpdate update, CancellationToken stop)
    {
        int? status = null;
        string? error = null;
        string? reply = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
            {
                Content = new StringContent(update.Json.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (hook.SecretToken is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", hook.SecretToken);
            HttpClient client;
            lock (_gate) client = _webhookClient;
            using var response = await client.SendAsync(request, stop);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) reply = await response.Content.ReadAsStringAsync(stop);
            else error = $"Wrong response from the webhook: {status} {response.ReasonPhrase}";
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            lock (_gate)
            {
                update.InFlight = false;
                SignalUpdates();
            }
            return;
        }
        catch (TaskCanceledException)
        {
            error = "Read timeout expired";
        }
        catch (HttpRequestException exception)
        {
            error = "Connection failed: " + exception.Message;
        }
        lock (_gate)
        {
            update.InFlight = false;
            update.Attempts++;
            _deliveries.Add(new WebhookDelivery(update.UpdateId, update.Attempts, status, error, Now));
            if (error is null || update.Attempts >= Options.WebhookMaxAttempts)
            {
                _pending.Remove(update);
            }
            else
            {
                update.NotBefore = Now + Options.WebhookRetryDelay;
            }
            if (error is not null)
            {
                _lastWebhookError = error;
                _lastWebhookErrorAt = Now;
            }
            SignalUpdates();
        }
        if (!string.IsNullOrWhiteSpace(reply)) await RunWebhookReplyAsync(reply);
    }

    /// <summary>A webhook may answer with a method call in its body; Telegram runs it (except getters and webhook changes).</summary>
    private async Task RunWebhookReplyAsync(string body)
    {
        JsonObject? call;
        try
        {
            call = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }
        if (StringOf(call?["method"]) is not { } name || name.StartsWith("get", StringComparison.OrdinalIgnoreCase)
            || name.Equals("setWebhook", StringComparison.OrdinalIgnoreCase) || name.Equals("deleteWebhook", StringComparison.OrdinalIgnoreCase)
            || !_methods.TryGetValue(name, out var method))
            return;
        CountRequest(method.Name);
        try
        {
            await method.Handle(BotApiRequest.FromJson(call!), _stopping.Token);
        }
        catch (BotApiException error) when (error.ErrorCode == 429)
        {
            Interlocked.Increment(ref _tooManyRequests);
        }
        catch (BotApiException)
        {
            // Telegram drops a failed webhook reply silently.
        }
    }
}
