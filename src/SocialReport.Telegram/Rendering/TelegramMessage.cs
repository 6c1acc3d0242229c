using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.Telegram.Rendering;

/// <summary>One message to send: HTML text (parse mode <see cref="ParseMode"/>, link previews off) and its buttons.</summary>
internal sealed record TelegramMessage(string Text, InlineKeyboardMarkup? Keyboard)
{
    public const ParseMode ParseMode = global::Telegram.Bot.Types.Enums.ParseMode.Html;

    public static LinkPreviewOptions LinkPreview => new() { IsDisabled = true };
}
