using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace SocialReport.Testing.Telegram;

/// <summary>
/// A Bot API server on loopback for tests: <c>POST {BaseUrl}/bot{token}/{method}</c> with JSON or form bodies,
/// answers <c>{"ok":true,"result":…}</c> or Telegram's errors with the same codes and texts, and enforces what
/// Telegram enforces. Tests drive it (queue updates, block chats, inject faults) and inspect what the bot did.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private delegate Task<MethodResult> Method(BotApiRequest request, CancellationToken cancellationToken);

    private sealed record MethodResult(JsonNode Result, string? Description = null);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, (string Name, Method Handle)> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _requestCounts = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private readonly List<FakeHold> _holds = [];
    private readonly FakeBotApi _api;
    private readonly bool _ownsApi;
    private int _tooManyRequests;
    private int _conflicts;

    internal FakeTelegramServer(FakeTelegramOptions options, FakeBotApi api, bool ownsApi)
    {
        Options = options;
        _api = api;
        _ownsApi = ownsApi;
        _time = options.TimeProvider;
        _limiter = new RateLimiter(options.RateLimits);
        Bot = new FakeUser(options.BotId, options.BotName, options.BotUsername, IsBot: true);
        _users[Bot.Id] = Bot;
        _webhookClient = _ownWebhookClient = new HttpClient { Timeout = options.WebhookTimeout };

        Register("getMe", GetMe);
        Register("getUpdates", GetUpdatesAsync);
        Register("setWebhook", SetWebhook);
        Register("deleteWebhook", DeleteWebhook);
        Register("getWebhookInfo", GetWebhookInfo);
        Register("sendMessage", SendMessage);
        Register("editMessageText", EditMessageText);
        Register("sendDocument", SendDocumentAsync);
        Register("sendChatAction", SendChatAction);
        Register("answerCallbackQuery", AnswerCallbackQuery);
        Register("setMyCommands", SetMyCommands);
        Register("getMyCommands", GetMyCommands);
        Register("deleteMyCommands", DeleteMyCommands);
        Register("getChat", GetChat);
        Register("getChatMember", GetChatMember);
        Register("getChatAdministrators", GetChatAdministrators);
        Register("getFile", GetFile);
        Register("deleteMessage", DeleteMessage);
    }

    private void Register(string name, Func<BotApiRequest, MethodResult> handle) =>
        _methods[name] = (name, (request, _) => Task.FromResult(handle(request)));

    private void Register(string name, Method handle) => _methods[name] = (name, handle);

    /// <summary>The bot this server plays: its id comes from the token.</summary>
    public FakeUser Bot { get; }

    public FakeTelegramOptions Options { get; }

    /// <summary>Pass to <c>new TelegramBotClientOptions(token, BaseUrl)</c>.</summary>
    public string BaseUrl => _api.BaseUrl;

    public string Token => Options.Token;

    /// <summary>A fake on a server of its own, with exactly the token of <paramref name="options"/>; a test class takes its fakes from a <see cref="FakeBotApi"/> fixture instead.</summary>
    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null)
    {
        var api = new FakeBotApi();
        await api.InitializeAsync();
        return api.Add(options ?? new FakeTelegramOptions(), ownsApi: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsApi) _api.Remove(this);
        await _stopping.CancelAsync();
        await StopWebhookAsync();
        if (_ownsApi) await _api.DisposeAsync();
        _ownWebhookClient.Dispose();
        _stopping.Dispose();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    internal async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..]);
            return;
        }
        var slash = path.IndexOf('/', 1);
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0 || !IsWellFormedToken(path[4..slash]))
        {
            await WriteAsync(context, new BotApiException(404, "Not Found"));
            return;
        }
        if (path[4..slash] != Options.Token)
        {
            await WriteAsync(context, new BotApiException(401, "Unauthorized"));
            return;
        }
        if (!_methods.TryGetValue(path[(slash + 1)..], out var method))
        {
            await WriteAsync(context, new BotApiException(404, "Not Found: method not found"));
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var request = await BotApiRequest.ReadAsync(context.Request, cancellation.Token);
            if (Options.NetworkDelay is { } delay)
                await Task.Delay(delay.Min + (delay.Max - delay.Min) * Random.Shared.NextDouble(), _time, cancellation.Token);
            CountRequest(method.Name);
            if (TakeHold(method.Name, request) is { } hold) await hold.HoldAsync(cancellation.Token);
            if (TakeFault(method.Name, request) is { } fault)
            {
                await WriteFaultAsync(context, fault);
                return;
            }
            var result = await method.Handle(request, cancellation.Token);
            var body = new JsonObject { ["ok"] = true, ["result"] = result.Result };
            if (result.Description is not null) body["description"] = result.Description;
            await WriteAsync(context, StatusCodes.Status200OK, body);
        }
        catch (BotApiException error)
        {
            if (error.ErrorCode == 429) Interlocked.Increment(ref _tooManyRequests);
            if (error.ErrorCode == 409) Interlocked.Increment(ref _conflicts);
            await WriteAsync(context, error);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // What the Bot API server answers to calls in flight while it shuts down.
            await WriteAsync(context, new BotApiException(500, "Internal Server Error: restart"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
        }
    }

    /// <summary>The token a request's path names (<c>/bot{token}/…</c> or <c>/file/bot{token}/…</c>), null when it names none.</summary>
    internal static string? TokenOf(string path)
    {
        var rest = path.StartsWith("/file/bot", StringComparison.Ordinal) ? path["/file/bot".Length..]
            : path.StartsWith("/bot", StringComparison.Ordinal) ? path["/bot".Length..]
            : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && IsWellFormedToken(rest![..slash]) ? rest[..slash] : null;
    }

    internal static bool IsWellFormedToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && token[..colon].All(char.IsAsciiDigit) && colon < token.Length - 1;
    }

    private void CountRequest(string method)
    {
        lock (_gate) _requestCounts[method] = _requestCounts.GetValueOrDefault(method) + 1;
    }

    private FakeHold? TakeHold(string method, BotApiRequest request)
    {
        lock (_gate)
        {
            if (_holds.Count == 0) return null;
            var chatId = ChatIdOf(request);
            var hold = _holds.FirstOrDefault(h => h.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (h.ChatId is null || h.ChatId == chatId));
            if (hold is not null) _holds.Remove(hold);
            return hold;
        }
    }

    /// <summary>The chat a call is about (under the lock): by id or @username; null when it names none.</summary>
    private long? ChatIdOf(BotApiRequest request)
    {
        var reference = request.Text("chat_id");
        return FindChat(reference)?.Id ?? (long.TryParse(reference, CultureInfo.InvariantCulture, out var id) ? id : null);
    }

    private Fault? TakeFault(string method, BotApiRequest request)
    {
        lock (_gate)
        {
            if (_faults.Count == 0) return null;
            var chatId = ChatIdOf(request);
            var fault = _faults.FirstOrDefault(f => (f.Method is null || f.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                                                    && (f.ChatId is null || f.ChatId == chatId));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            return fault;
        }
    }

    private async Task WriteFaultAsync(HttpContext context, Fault fault)
    {
        if (fault.StatusCode == 429)
        {
            Interlocked.Increment(ref _tooManyRequests);
            await WriteAsync(context, BotApiException.TooManyRequests(fault.RetryAfter));
            return;
        }
        if (fault.StatusCode is 502 or 503 or 504)
        {
            // What Telegram's front end answers when the Bot API server behind it is down: an HTML page, not JSON.
            var title = $"{fault.StatusCode} {ReasonPhrases.GetReasonPhrase(fault.StatusCode)}";
            context.Response.StatusCode = fault.StatusCode;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(
                $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n");
            return;
        }
        var description = fault.StatusCode == 500 ? "Internal Server Error" : ReasonPhrases.GetReasonPhrase(fault.StatusCode);
        await WriteAsync(context, new BotApiException(fault.StatusCode, description));
    }

    internal static Task WriteAsync(HttpContext context, BotApiException error) => WriteAsync(context, error.ErrorCode, error.ToJson());

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
