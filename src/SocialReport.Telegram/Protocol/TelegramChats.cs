using System.Globalization;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

using Chat = Telegram.Bot.Types.Chat;

namespace SocialReport.Telegram.Protocol;

/// <summary>Telegram's chats and users in the core's terms.</summary>
internal static class TelegramChats
{
    public const string Channel = "telegram";

    public static ChatKey KeyOf(long chatId) => new(Channel, chatId.ToString(CultureInfo.InvariantCulture));

    public static ChatKey KeyOf(Chat chat) => KeyOf(chat.Id);

    public static bool TryParseId(ChatKey key, out long chatId) =>
        long.TryParse(key.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);

    public static ChatKind KindOf(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    public static Sender SenderOf(User user) =>
        new(user.Id.ToString(CultureInfo.InvariantCulture), user.FirstName, user.LanguageCode);

    /// <summary>Who wrote a message: its user, or the chat itself for an anonymous admin or a channel post.</summary>
    public static Sender SenderOf(Message message) =>
        message.From is { } user ? SenderOf(user)
        : new Sender((message.SenderChat ?? message.Chat).Id.ToString(CultureInfo.InvariantCulture), message.SenderChat?.Title);

    /// <summary>What the chat is called, for groups and channels; private chats are stored without their reader's name.</summary>
    public static string? TitleOf(Chat chat) => chat.Type == ChatType.Private ? null : chat.Title;
}
