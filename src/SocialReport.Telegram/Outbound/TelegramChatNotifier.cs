using System.Globalization;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Outbound;

/// <summary>Status messages in Telegram chats (a broadcast's progress): sendMessage once, then editMessageText in place.</summary>
internal sealed class TelegramChatNotifier(TelegramClients clients, TelegramCardRenderer renderer) : IChatNotifier
{
    public string Channel => TelegramChats.Channel;

    public async Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken)
    {
        if (!TelegramChats.TryParseId(chat, out var chatId)) return null;
        var message = renderer.Render(card)[0];
        var sent = await TelegramReplySender.SendAsync(clients.ForReplies(), chatId, message, paidBroadcast: false, silent: false, cancellationToken).ConfigureAwait(false);
        return sent.MessageId.ToString(CultureInfo.InvariantCulture);
    }

    public async Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken)
    {
        if (!TelegramChats.TryParseId(chat, out var chatId) || !int.TryParse(messageId, CultureInfo.InvariantCulture, out var id)) return;
        var message = renderer.Render(card)[0];
        try
        {
            await clients.ForReplies().EditMessageText(chatId, id, message.Text, TelegramMessage.ParseMode, replyMarkup: message.Keyboard,
                linkPreviewOptions: TelegramMessage.LinkPreview, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (TelegramErrors.IsNotModified(e))
        {
        }
    }

    /// <summary>sendDocument, multipart: the caption as plain text.</summary>
    public async Task<bool> SendFileAsync(ChatKey chat, string fileName, Stream content, string? caption, CancellationToken cancellationToken)
    {
        if (!TelegramChats.TryParseId(chat, out var chatId)) return false;
        await clients.ForReplies().SendDocument(chatId, InputFile.FromStream(content, fileName), caption: caption, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }
}
