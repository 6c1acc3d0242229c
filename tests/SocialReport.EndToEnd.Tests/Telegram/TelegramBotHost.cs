using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>
/// The real host (WebApplicationFactory over Program) with Telegram pointed at a fake Bot API server, a LiteDB file
/// of its own holding the seed edition, and every log line captured. Readers and editors talk to it through the fake.
/// </summary>
internal sealed class TelegramBotHost : IAsyncDisposable
{
    public const long EditorId = 5001;
    public const string WebhookUrl = "https://socialreport.test/telegram/webhook";
    public const string WebhookSecret = "webhook_Secret-0123456789";

    private readonly HostFactory _factory;
    private readonly TempDirectory _directory;
    private readonly bool _ownsFake;
    private readonly string _dataFile;

    private TelegramBotHost(FakeTelegramServer fake, bool ownsFake, HostFactory factory, TempDirectory directory, TelegramMode mode, string dataFile)
    {
        _dataFile = dataFile;
        Fake = fake;
        _ownsFake = ownsFake;
        _factory = factory;
        _directory = directory;
        Mode = mode;
    }

    /// <summary>How long to wait for the bot: generous, for a loaded machine running every suite at once.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public FakeTelegramServer Fake { get; }

    public TelegramMode Mode { get; }

    public CapturedLogs Logs => _factory.Logs;

    public IServiceProvider Services => _factory.Services;

    public WebApplicationFactory<Program> Factory => _factory;

    /// <param name="api">The test class's fake Bot API server, on which the host gets a fake of its own.</param>
    /// <param name="fake">A fake already running, which the host then leaves running (a second host after a first); else one of its own.</param>
    public static async Task<TelegramBotHost> StartAsync(FakeBotApi api, TelegramMode mode, FakeTelegramOptions? fakeOptions = null,
        bool publishSeed = true, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        FakeTelegramServer? fake = null)
    {
        var ownsFake = fake is null;
        fake ??= api.Start(fakeOptions ?? new FakeTelegramOptions
        {
            RateLimits = FakeRateLimits.Off,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        fake.AddUser(EditorId, "Ambre", "ambre", "fr");
        fake.AddChat(EditorId);
        var directory = new TempDirectory();
        var all = new Dictionary<string, string?>
        {
            ["Storage:Path"] = directory.DatabaseFile,
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Mode"] = mode.ToString(),
            ["Telegram:PollingTimeoutSeconds"] = "2",
            ["Admins:Telegram:0"] = EditorId.ToString(CultureInfo.InvariantCulture),
            ["Commands:PerChatPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        if (mode == TelegramMode.Webhook)
        {
            all["Telegram:WebhookUrl"] = WebhookUrl;
            all["Telegram:WebhookSecret"] = WebhookSecret;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var factory = new HostFactory(all, services);
        var host = new TelegramBotHost(fake, ownsFake, factory, directory, mode, all["Storage:Path"] ?? "");
        try
        {
            _ = factory.Server; // starts the host
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What the host logged is what tells why it stopped at start; the exception alone rarely does.
            throw new InvalidOperationException("The host stopped at start. Its log, warnings and above:\n" + factory.Logs.AtLeast(LogLevel.Warning), e);
        }
        if (mode == TelegramMode.Webhook) fake.RouteWebhooksThrough(factory.Server.CreateHandler());
        if (publishSeed) host.Publish(Path.Combine(RepositoryFiles.Editions, "2020-03-06-social-report.txt"));
        if (!string.IsNullOrEmpty(all["Telegram:BotToken"]))
        {
            await fake.WaitUntilAsync(
                () => mode == TelegramMode.Webhook ? fake.Webhook is not null : fake.RequestCount("getUpdates") > 0,
                Patience, "the bot to start receiving");
        }
        return host;
    }

    /// <summary>Publishes an edition as /publish does: into the archive and the search index.</summary>
    public Edition Publish(string path)
    {
        var edition = Services.GetRequiredService<EditionImporter>().ImportFile(path);
        Services.GetRequiredService<EditionPublisher>().Publish(edition);
        return edition;
    }

    public Chat? StoredChat(long chatId) =>
        Services.GetRequiredService<IChatStore>().Get(new ChatKey("telegram", chatId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A user writes in a chat; returns what the bot sent or edited there in answer (at least <paramref name="expected"/> messages).</summary>
    public async Task<IReadOnlyList<BotMessage>> SayAsync(long chatId, long userId, string text, int expected = 1, string? chatType = null, int? replyTo = null)
    {
        var before = Fake.SentTo(chatId).Count;
        Fake.SendText(chatId, userId, text, chatType, replyTo);
        return await NewMessagesAsync(chatId, before, expected);
    }

    public async Task<IReadOnlyList<BotMessage>> SendDocumentAsync(long chatId, long userId, string path, string? caption, int expected = 1)
    {
        var before = Fake.SentTo(chatId).Count;
        Fake.SendDocument(chatId, userId, Path.GetFileName(path), await File.ReadAllBytesAsync(path), caption);
        return await NewMessagesAsync(chatId, before, expected);
    }

    /// <summary>A user taps the button labelled <paramref name="label"/> on a bot message; waits for its answer and what the bot did.</summary>
    public async Task<IReadOnlyList<BotMessage>> PressAsync(long chatId, long userId, BotMessage message, string label, int expected = 1)
    {
        var button = message.AllButtons.FirstOrDefault(b => b.Text == label && b.CallbackData is not null)
                     ?? throw new InvalidOperationException($"No button [{label}] on message {message.MessageId}: " + string.Join(" ", message.AllButtons.Select(b => $"[{b.Text}]")));
        var before = Fake.SentTo(chatId).Count;
        var press = Fake.PressButton(chatId, userId, message.MessageId, button.CallbackData!);
        await WaitUntilAsync(() => Fake.CallbackAnswers.Any(a => a.CallbackQueryId == press.CallbackQueryId), "the callback answer");
        return await NewMessagesAsync(chatId, before, expected);
    }

    private async Task<IReadOnlyList<BotMessage>> NewMessagesAsync(long chatId, int before, int expected)
    {
        if (expected == 0) return [];
        var all = await Fake.WaitForSentAsync(chatId, before + expected, Patience);
        return [.. all.Skip(before)];
    }

    public Task WaitUntilAsync(Func<bool> condition, string what) => Fake.WaitUntilAsync(condition, Patience, what);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await StoreFiles.WaitUntilReleasedAsync(_dataFile);
        if (_ownsFake) await Fake.DisposeAsync();
        _directory.Dispose();
    }

    private sealed class HostFactory(IDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            if (services is not null) builder.ConfigureTestServices(services);
        }
    }
}
