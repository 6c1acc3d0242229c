namespace SocialReport.EndToEnd.Tests.Telegram;

internal static class SecretsAssert
{
    /// <summary>The token's secret part (what follows the bot id) and the webhook secret appear in no log line.</summary>
    public static void NotLogged(TelegramBotHost bot)
    {
        var secret = bot.Fake.Token[(bot.Fake.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var logs = bot.Logs.All;
        Assert.Contains(bot.Logs.Lines, l => l.Text.StartsWith("Telegram bot @SocialReportBot starting", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramBotHost.WebhookSecret, logs, StringComparison.Ordinal);
    }
}
