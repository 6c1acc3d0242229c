using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SocialReport.Testing.Telegram;

/// <summary>
/// The fake Bot API's loopback server, started once per test class (<c>IClassFixture&lt;FakeBotApi&gt;</c>). Each test
/// takes a <see cref="FakeTelegramServer"/> of its own from it, under a token of its own, so that nothing a test did
/// (chats, messages, limits, a client still polling) reaches the next one.
/// </summary>
public sealed class FakeBotApi : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, FakeTelegramServer> _bots = new(StringComparer.Ordinal);
    private LoopbackServer? _server;
    private int _issued;

    /// <summary>Pass to <c>new TelegramBotClientOptions(token, BaseUrl)</c>.</summary>
    public string BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>A fresh fake on this server: <paramref name="options"/>, its token made unique here (same bot id).</summary>
    public FakeTelegramServer Start(FakeTelegramOptions? options = null)
    {
        options ??= new FakeTelegramOptions();
        return Add(options with { Token = options.Token + Interlocked.Increment(ref _issued) }, ownsApi: false);
    }

    internal FakeTelegramServer Add(FakeTelegramOptions options, bool ownsApi)
    {
        if (!FakeTelegramServer.IsWellFormedToken(options.Token)) throw new ArgumentException("A bot token is <digits>:<secret>.", nameof(options));
        var bot = new FakeTelegramServer(options, this, ownsApi);
        if (!_bots.TryAdd(options.Token, bot)) throw new InvalidOperationException("Another fake on this server has the token " + options.Token);
        return bot;
    }

    internal void Remove(FakeTelegramServer bot) => _bots.TryRemove(new KeyValuePair<string, FakeTelegramServer>(bot.Token, bot));

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>To the fake the token names; what Telegram answers to a malformed path (404) or an unknown token (401) otherwise.</summary>
    private Task HandleAsync(HttpContext context)
    {
        var token = FakeTelegramServer.TokenOf(context.Request.Path.Value ?? "");
        if (token is not null && _bots.TryGetValue(token, out var bot)) return bot.HandleAsync(context);
        return FakeTelegramServer.WriteAsync(context, token is null ? new BotApiException(404, "Not Found") : new BotApiException(401, "Unauthorized"));
    }
}
