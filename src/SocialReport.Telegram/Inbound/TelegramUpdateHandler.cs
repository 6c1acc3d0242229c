using Microsoft.Extensions.Logging;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Outbound;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SocialReport.Telegram.Inbound;

/// <summary>One update from Telegram: a command, a button, an edition file, or a change of the bot's place in a chat.</summary>
internal sealed class TelegramUpdateHandler(
    TelegramClients clients,
    BotIdentity identity,
    CommandEngine engine,
    Subscriptions subscriptions,
    TelegramReplySender replies,
    ICallbackStore callbacks,
    ILogger<TelegramUpdateHandler> logger) : ITelegramUpdateHandler
{
    private const int MaxFileBytes = 2 * 1024 * 1024;

    public Task HandleAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { } message } => OnMessageAsync(message, cancellationToken),
        { CallbackQuery: { } query } => OnButtonAsync(query, cancellationToken),
        { MyChatMember: { } change } => OnMembershipAsync(change, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var text = (message.Text ?? message.Caption)?.Trim();
        var isPrivate = message.Chat.Type == ChatType.Private;
        if (string.IsNullOrEmpty(text) || !text.StartsWith('/'))
        {
            // Groups talk among themselves; in a private chat anything but a command gets the help.
            if (!isPrivate || message.Text is null) return;
            text = "/help";
        }
        else if (!await IsForThisBotAsync(text, cancellationToken))
        {
            return;
        }

        var inbound = InboundFrom(message.Chat, TelegramChats.SenderOf(message), text);
        var bot = clients.ForReplies();
        var command = CommandText.Parse(text).Name;
        if (command is "publish" or "preview" && (message.Document ?? message.ReplyToMessage?.Document) is { } document && engine.IsEditor(inbound))
        {
            var attachment = await DownloadAsync(bot, document, cancellationToken);
            if (attachment is null)
            {
                var language = Languages.Pick(subscriptions.Get(inbound.Chat)?.Language, inbound.Sender.LanguageHint);
                var say = Phrases.For(language);
                var refusal = Reply.Of(new NoticeCard { Language = language, Text = say.Format(say.ImportFailed, say.FileTooBig) });
                await replies.SendAsync(bot, message.Chat.Id, refusal, null, cancellationToken);
                return;
            }
            inbound = inbound with { Attachment = attachment };
        }

        var reply = await engine.HandleAsync(inbound, cancellationToken);
        await replies.SendAsync(bot, message.Chat.Id, reply, null, cancellationToken);
    }

    private async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var bot = clients.ForReplies();
        var command = query.Data is { } data ? CallbackData.Decode(data, callbacks) : null;
        if (query.Message is not { } message || command is null)
        {
            var chosen = query.Message is { } m ? subscriptions.Get(TelegramChats.KeyOf(m.Chat))?.Language : null;
            await AnswerAsync(bot, query, Phrases.For(Languages.Pick(chosen, TelegramChats.SenderOf(query.From).LanguageHint)).ButtonExpired, cancellationToken);
            return;
        }
        // Answered first: the reader's spinner stops at once, whatever the reply costs.
        await AnswerAsync(bot, query, null, cancellationToken);
        var inbound = InboundFrom(message.Chat, TelegramChats.SenderOf(query.From), command) with { FromButton = true };
        var reply = await engine.HandleAsync(inbound, cancellationToken);
        await replies.SendAsync(bot, message.Chat.Id, reply, reply.EditsOriginal ? message.Id : null, cancellationToken);
    }

    private async Task OnMembershipAsync(ChatMemberUpdated change, CancellationToken cancellationToken)
    {
        var key = TelegramChats.KeyOf(change.Chat);
        var kind = TelegramChats.KindOf(change.Chat.Type);
        var was = IsIn(change.OldChatMember.Status);
        var now = IsIn(change.NewChatMember.Status);
        if (was && !now)
        {
            var changed = kind == ChatKind.Private ? subscriptions.MarkBlocked(key) : subscriptions.MarkGone(key);
            logger.TelegramBotRemoved(change.Chat.Id, kind, change.NewChatMember.Status, changed);
            return;
        }
        if (was || !now) return;

        var back = subscriptions.Reactivate(key);
        logger.TelegramBotBack(change.Chat.Id, kind, back);
        if (!back && kind == ChatKind.Group)
        {
            // Added to a group: say hello and how to subscribe, but subscribing is the admins' decision.
            var language = Languages.Pick(subscriptions.Get(key)?.Language, TelegramChats.SenderOf(change.From).LanguageHint);
            var greeting = Reply.Of(new NoticeCard { Language = language, Text = Phrases.For(language).WelcomeGroup });
            await replies.SendAsync(clients.ForReplies(), change.Chat.Id, greeting, null, cancellationToken);
        }
    }

    /// <summary>In groups "/latest@OtherBot" is someone else's command.</summary>
    private async Task<bool> IsForThisBotAsync(string text, CancellationToken cancellationToken)
    {
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var first = end < 0 ? text : text[..end];
        var at = first.IndexOf('@', StringComparison.Ordinal);
        if (at < 0) return true;
        var me = await identity.GetAsync(cancellationToken);
        return string.Equals(first[(at + 1)..], me.Username, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Attachment?> DownloadAsync(ITelegramBotClient bot, Document document, CancellationToken cancellationToken)
    {
        if (document.FileSize > MaxFileBytes) return null;
        var file = await bot.GetFile(document.FileId, cancellationToken);
        if (file.FileSize > MaxFileBytes || file.FilePath is null) return null;
        await using var content = new LimitedMemoryStream(MaxFileBytes);
        try
        {
            await bot.DownloadFile(file.FilePath, content, cancellationToken);
        }
        catch (Exception) when (content.Overflowed)
        {
            return null;
        }
        return new Attachment(document.FileName ?? Path.GetFileName(file.FilePath), content.ToArray());
    }

    private async Task AnswerAsync(ITelegramBotClient bot, CallbackQuery query, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(query.Id, text, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && TelegramErrors.ToOutcome(e) is not null)
        {
            // Too old (over 15 s) or already answered: the reader's client has given up on it anyway.
            if (logger.IsEnabled(LogLevel.Debug))
                logger.TelegramAnswerCallbackFailed(TelegramErrors.Describe(e));
        }
    }

    internal static Core.Commands.Inbound InboundFrom(global::Telegram.Bot.Types.Chat chat, Sender sender, string text) => new()
    {
        Chat = TelegramChats.KeyOf(chat),
        ChatKind = TelegramChats.KindOf(chat.Type),
        ChatTitle = TelegramChats.TitleOf(chat),
        Sender = sender,
        Text = text,
        MaxMessageChars = TelegramCardRenderer.FullPartChars,
    };

    private static bool IsIn(ChatMemberStatus status) => status is ChatMemberStatus.Member or ChatMemberStatus.Administrator
        or ChatMemberStatus.Creator or ChatMemberStatus.Restricted;
}
