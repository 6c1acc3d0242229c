using SocialReport.Core;
using SocialReport.Core.Delivery;
using SocialReport.Telegram.Protocol;

namespace SocialReport.Telegram;

/// <summary>The Telegram channel's settings for the core: Bot API limits as pacing defaults, numeric user ids as editors.</summary>
internal static class TelegramChannel
{
    /// <summary>The Telegram id the example file used to list.</summary>
    private const string FormerExampleId = "123456789";

    public static ChannelSettings Settings { get; } = new(TelegramChats.Channel, "Telegram")
    {
        // Bot API: about 30 messages a second overall, one a second per chat, 20 a minute per group; a flood wait during a
        // broadcast is bot-wide.
        PacingDefaults = () => new ChannelPacingOptions
        {
            MessagesPerSecond = 30,
            PerChat = "1/1s",
            PerGroupChat = "20/1m",
            RetryAfterPauses = ThrottleScope.Channel,
        },
        EditorIdProblem = EditorIdProblem,
    };

    private static string? EditorIdProblem(string id) =>
        ChannelSettings.IsPlaceholder(id) || id == FormerExampleId || (id.Length > 0 && id.All(c => c == '0'))
            ? "is a placeholder: put your numeric Telegram user id, or remove it."
            : id.Length == 0 || !id.All(char.IsAsciiDigit) ? "is not a Telegram user id (digits only)." : null;
}
