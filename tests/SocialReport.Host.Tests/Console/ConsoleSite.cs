using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Host.Tests.Web;

namespace SocialReport.Host.Tests.Console;

/// <summary>
/// The site with a Telegram editor (user 5001), a public address for /login links, a channel "test" whose sender
/// records what it gets, and a log that keeps every line; optionally the host's clock.
/// </summary>
public sealed class ConsoleSite : WebSite
{
    public const string Editor = "5001";
    public const string EditorId = "telegram:5001";

    public ConsoleSite() : this(null) { }

    /// <param name="storagePath">A LiteDB file of the test's (to start a second host on it); null: one of the site's own.</param>
    public ConsoleSite(TimeProvider? time, string? storagePath = null) : this(time, storagePath, new RecordingSender(), new LogLines()) { }

    private ConsoleSite(TimeProvider? time, string? storagePath, RecordingSender sender, LogLines logs) : base(Settings(storagePath), services =>
    {
        if (time is not null) services.AddSingleton(time);
        services.AddSingleton<IEditionSender>(sender);
        services.AddSingleton<ILoggerProvider>(logs);
    })
    {
        Sender = sender;
        Logs = logs;
    }

    public RecordingSender Sender { get; }

    public LogLines Logs { get; }

    private static (string, string?)[] Settings(string? storagePath) =>
    [
        ("Admins:Telegram:0", Editor),
        ("Web:PublicUrl", "http://localhost"),
        ("Delivery:Other:MessagesPerSecond", "1000"),
        ("Delivery:ProgressInterval", "00:00:00.050"),
        .. storagePath is null ? Array.Empty<(string, string?)>() : [("Storage:Path", storagePath)],
    ];

    /// <summary>The answer of the bot to <paramref name="text"/> typed by <paramref name="sender"/> in a Telegram chat.</summary>
    public Task<Reply> AskAsync(string text, string sender = Editor, ChatKind kind = ChatKind.Private) =>
        Services.GetRequiredService<CommandEngine>().HandleAsync(new Inbound
        {
            Chat = new ChatKey("telegram", kind == ChatKind.Private ? sender : "-100123"),
            ChatKind = kind,
            Sender = new Sender(sender, null, "en"),
            Text = text,
        }, CancellationToken.None);

    /// <summary>The link /login gives the editor.</summary>
    public async Task<Uri> LoginLinkAsync()
    {
        var reply = await AskAsync("/login");
        var card = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        return Assert.Single(card.Actions.SelectMany(row => row)).Url!;
    }

    public static string Token(Uri link) => Uri.UnescapeDataString(link.Query["?token=".Length..]);

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through a /login link, with the antiforgery token its session call gave.</summary>
    public async Task<SignedIn> SignInAsync()
    {
        var client = Browser();
        using var signIn = await PostLoginAsync(client, Token(await LoginLinkAsync()));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = await client.GetFromJsonAsync<JsonElement>("/console/api/session");
        var antiforgery = session.GetProperty("antiforgery").GetString()!;
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", antiforgery);
        return new SignedIn(client, antiforgery);
    }

    /// <summary>Opens the link's page, then presses its button, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string token)
    {
        using var page = await client.GetAsync($"/login?token={Uri.EscapeDataString(token)}");
        var html = await page.Content.ReadAsStringAsync();
        var field = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent([new("token", token), new("__RequestVerificationToken", field)]));
    }

    public void Subscribe(int count)
    {
        var chats = Services.GetRequiredService<IChatStore>();
        for (var i = 0; i < count; i++) chats.Save(TestChats.Subscriber(RecordingSender.Name, $"reader-{Guid.NewGuid():N}"));
    }
}

public sealed record SignedIn(HttpClient Client, string Antiforgery);

/// <summary>Channel "test": records each edition sent and each message deleted; <see cref="Gate"/>, when set, holds every send until it opens.</summary>
public sealed class RecordingSender : IEditionSender
{
    public const string Name = "test";

    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>The id of every message sent, and whether it was deleted since.</summary>
    public ConcurrentDictionary<string, bool> Messages { get; } = new();

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource FirstCall { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Channel => Name;

    public async Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        FirstCall.TrySetResult();
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        Received.Enqueue($"{chat.Key.Id}:{edition.Id}");
        var message = Guid.NewGuid().ToString("N");
        Messages[message] = false;
        return new SendOutcome.Sent(message);
    }

    public Task<DeleteOutcome> DeleteAsync(Chat chat, string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<DeleteOutcome>(Messages.TryUpdate(messageId, true, false)
            ? new DeleteOutcome.Deleted()
            : new DeleteOutcome.Refused(RecallState.NotFound, "no such message"));
}

/// <summary>Every log line of the host, with its event id.</summary>
public sealed class LogLines : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, string Text)> Lines { get; } = new();

    public IEnumerable<string> WithId(int eventId) => Lines.Where(line => line.EventId == eventId).Select(line => line.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogLines lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Lines.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
