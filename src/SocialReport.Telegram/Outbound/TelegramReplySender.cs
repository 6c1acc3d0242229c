using Microsoft.Extensions.Logging;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Outbound;

/// <summary>
/// Sends the engine's replies to the chat a command came from: every card rendered to HTML messages; a paging reply
/// edits the message whose button was tapped. Platform errors are logged and acted on (blocked, gone, moved), never thrown.
/// </summary>
internal sealed class TelegramReplySender(TelegramCardRenderer renderer, Subscriptions subscriptions, ILogger<TelegramReplySender> logger)
{
    /// <param name="editMessageId">The message to replace with the first card, when the reply pages in place.</param>
    public async Task SendAsync(ITelegramBotClient bot, long chatId, Reply reply, int? editMessageId, CancellationToken cancellationToken)
    {
        var messages = reply.Cards.SelectMany(renderer.Render).ToList();
        var next = 0;
        var moved = false;
        while (true)
        {
            try
            {
                if (editMessageId is { } messageId && next == 0 && messages.Count > 0 && await EditAsync(bot, chatId, messageId, messages[0], cancellationToken))
                    next = 1;
                for (; next < messages.Count; next++)
                    await SendAsync(bot, chatId, messages[next], paidBroadcast: false, silent: false, cancellationToken);
                return;
            }
            // Stopping is not the platform failing: the update is left unhandled, to be handled again at the next start.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && TelegramErrors.ToOutcome(e) is { } outcome)
            {
                var what = editMessageId is { } edited && next == 0 ? $"the edit of message {edited}" : $"reply message {next + 1}/{messages.Count}";
                Handle(chatId, outcome, what);
                // A group that became a supergroup: the rest of the answer goes to its new id, once.
                if (outcome is not SendOutcome.Moved { NewChatId: var newId } || moved || !long.TryParse(newId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var newChatId)) return;
                (chatId, moved, editMessageId) = (newChatId, true, null);
            }
        }
    }

    /// <param name="paidBroadcast">Sends with <c>allow_paid_broadcast</c>: beyond the free 30 messages a second, paid in Stars.</param>
    /// <param name="silent">Without a notification (<c>disable_notification</c>): a broadcast to a chat that chose <c>/silent on</c>.</param>
    public static Task<Message> SendAsync(ITelegramBotClient bot, long chatId, TelegramMessage message, bool paidBroadcast, bool silent, CancellationToken cancellationToken) =>
        bot.SendMessage(chatId, message.Text, TelegramMessage.ParseMode, replyMarkup: message.Keyboard,
            linkPreviewOptions: TelegramMessage.LinkPreview, disableNotification: silent, allowPaidBroadcast: paidBroadcast, cancellationToken: cancellationToken);

    /// <summary>True when the message now shows <paramref name="message"/>; false when it can't be edited and a new one must go.</summary>
    private static async Task<bool> EditAsync(ITelegramBotClient bot, long chatId, int messageId, TelegramMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(chatId, messageId, message.Text, TelegramMessage.ParseMode, replyMarkup: message.Keyboard,
                linkPreviewOptions: TelegramMessage.LinkPreview, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (TelegramErrors.IsNotModified(e))
        {
            return true;
        }
        catch (Exception e) when (TelegramErrors.CannotEdit(e))
        {
            return false;
        }
    }

    private void Handle(long chatId, SendOutcome outcome, string what)
    {
        var changed = subscriptions.AfterFailedSend(TelegramChats.KeyOf(chatId), outcome);
        switch (outcome)
        {
            case SendOutcome.Blocked blocked:
                logger.TelegramChatBlockedBot(chatId, blocked.Reason);
                break;
            case SendOutcome.Gone gone:
                logger.TelegramChatGone(chatId, gone.Reason);
                break;
            case SendOutcome.Moved moved:
                logger.TelegramChatMoved(chatId, moved.NewChatId, changed);
                break;
            case SendOutcome.Rejected rejected:
                RenderErrors.Record(logger, chatId, what, rejected.Reason);
                break;
            case SendOutcome.RetryAfter retry:
                logger.TelegramReplyFloodControlled(chatId, what, retry.Delay);
                break;
            case SendOutcome.Transient transient:
                logger.TelegramReplyFailed(what, chatId, transient.Reason);
                break;
        }
    }
}
