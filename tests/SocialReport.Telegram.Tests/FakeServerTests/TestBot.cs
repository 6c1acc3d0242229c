using SocialReport.Testing.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.Telegram.Tests.FakeServerTests;

internal static class TestBot
{
    /// <summary>For tests not about pacing: no flood limits, quick webhook retries.</summary>
    public static FakeTelegramOptions Quiet => new() { RateLimits = FakeRateLimits.Off, WebhookRetryDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>The real client, pointed at the fake; no automatic 429 retries unless asked.</summary>
    public static TelegramBotClient ClientFor(FakeTelegramServer fake, int retryThreshold = 0) =>
        new(new TelegramBotClientOptions(fake.Token, fake.BaseUrl) { RetryThreshold = retryThreshold });

    public static InlineKeyboardMarkup Buttons(params (string Label, string Data)[] buttons) =>
        new(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data)));
}
