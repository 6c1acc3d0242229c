using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace SocialReport.Telegram.Outbound;

/// <summary>
/// Bot API clients over the named HttpClients (whose request logging is off: Telegram.Bot puts the token in every URL).
/// Replies let Telegram.Bot wait out a short 429 itself; broadcasts never do, their sender paces and retries.
/// </summary>
internal sealed class TelegramClients(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string RepliesClient = "Telegram";
    public const string BroadcastClient = "Telegram.Broadcast";

    /// <summary>Longer than any long poll, short enough that a dead connection is noticed.</summary>
    internal static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(90);

    public ITelegramBotClient ForReplies() => Create(RepliesClient, retryThreshold: null);

    public ITelegramBotClient ForBroadcasts() => Create(BroadcastClient, retryThreshold: 0);

    internal static TelegramBotClient Create(TelegramOptions settings, HttpClient http, int? retryThreshold)
    {
        if (!settings.Enabled) throw new InvalidOperationException("Telegram is off: Telegram:BotToken is not set.");
        var clientOptions = new TelegramBotClientOptions(settings.BotToken.Trim(), settings.ApiBaseUrl);
        if (retryThreshold is { } threshold) clientOptions.RetryThreshold = threshold;
        return new TelegramBotClient(clientOptions, http);
    }

    private TelegramBotClient Create(string name, int? retryThreshold) =>
        Create(options.Value, httpClients.CreateClient(name), retryThreshold);
}
