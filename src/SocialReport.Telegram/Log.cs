using System.Net;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using Telegram.Bot.Types.Enums;

namespace SocialReport.Telegram;

/// <summary>The log lines of SocialReport.Telegram, as source-generated methods; event ids 3001 and up.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Telegram refused {Message} for chat {ChatId}: {Reason} (a rendering bug; not retried)")]
    public static partial void TelegramRenderingRefused(this ILogger logger, string message, long chatId, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Telegram chat {ChatId} got part of {What} only: {Outcome}")]
    public static partial void TelegramEditionPartlySent(this ILogger logger, long chatId, string what, SendOutcome outcome);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Telegram chat {ChatId} blocked the bot: {Reason}")]
    public static partial void TelegramChatBlockedBot(this ILogger logger, long chatId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Telegram chat {ChatId} is gone: {Reason}")]
    public static partial void TelegramChatGone(this ILogger logger, long chatId, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Telegram chat {ChatId} became {NewChatId}; stored chat moved: {Moved}")]
    public static partial void TelegramChatMoved(this ILogger logger, long chatId, string newChatId, bool moved);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Telegram flood control for chat {ChatId}: {What} dropped, retry after {Delay}")]
    public static partial void TelegramReplyFloodControlled(this ILogger logger, long chatId, string what, TimeSpan delay);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Telegram failed to deliver {What} to chat {ChatId}: {Reason}")]
    public static partial void TelegramReplyFailed(this ILogger logger, string what, long chatId, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Telegram getChatMember in {ChatId} failed: {Reason}")]
    public static partial void TelegramGetChatMemberFailed(this ILogger logger, long chatId, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Telegram chat {Name} could not be resolved: {Reason}")]
    public static partial void TelegramChatUnresolved(this ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Telegram command lists in {Directory} can't be read, the command menu is left as it is: {Reason}")]
    public static partial void TelegramCommandListsUnreadable(this ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "No Telegram command list in {Directory}: the command menu is left as it is")]
    public static partial void TelegramCommandListsMissing(this ILogger logger, string directory);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Telegram setMyCommands ({Scope}, {Language}) failed: {Reason}")]
    public static partial void TelegramSetMyCommandsFailed(this ILogger logger, BotCommandScopeType scope, string language, string reason);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Telegram adapter off: no Telegram:BotToken configured")]
    public static partial void TelegramAdapterOff(this ILogger logger);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Telegram bot @{Username} starting in {Mode} mode against {ApiBaseUrl}")]
    public static partial void TelegramBotStarting(this ILogger logger, string? username, TelegramMode mode, string apiBaseUrl);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Information, Message = "Telegram webhook registered at {WebhookUrl}")]
    public static partial void TelegramWebhookRegistered(this ILogger logger, string? webhookUrl);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Critical, Message = "Telegram adapter stopped receiving updates")]
    public static partial void TelegramAdapterStopped(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Failures} in a row), retrying in {Delay}: {Reason}")]
    public static partial void TelegramGetUpdatesFailed(this ILogger logger, int failures, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} too large to keep, dropped")]
    public static partial void TelegramUpdateTooLarge(this ILogger logger, int updateId);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning, Message = "Telegram {What} failed, retrying in {Delay}: {Reason}")]
    public static partial void TelegramCallRetrying(this ILogger logger, string what, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Telegram chat {ChatId} ({Kind}) removed the bot ({Status}); subscription updated: {Changed}")]
    public static partial void TelegramBotRemoved(this ILogger logger, long chatId, ChatKind kind, ChatMemberStatus status, bool changed);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Telegram chat {ChatId} ({Kind}) has the bot again; subscription reactivated: {Back}")]
    public static partial void TelegramBotBack(this ILogger logger, long chatId, ChatKind kind, bool back);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "Telegram answerCallbackQuery failed: {Reason}")]
    public static partial void TelegramAnswerCallbackFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Error, Message = "Telegram update {UpdateId} given up: still unhandled after {Starts} starts")]
    public static partial void TelegramUpdateGivenUp(this ILogger logger, string updateId, int starts);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Error, Message = "Telegram update {UpdateId} kept in the inbox can't be read, dropped: {Reason}")]
    public static partial void TelegramUpdateUnreadable(this ILogger logger, string updateId, string reason);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Information, Message = "{Count} Telegram updates taken before the last stop and not handled are handled now")]
    public static partial void TelegramUpdatesReplayed(this ILogger logger, int count);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Warning, Message = "Telegram chat {ChatId} is flooding: update {UpdateId} dropped")]
    public static partial void TelegramChatFlooding(this ILogger logger, long chatId, int updateId);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Error, Message = "Telegram update {UpdateId} ({Type}) failed")]
    public static partial void TelegramUpdateFailed(this ILogger logger, Exception exception, int updateId, UpdateType type);

    [LoggerMessage(EventId = 3028, Level = LogLevel.Error, Message = "Telegram update {UpdateId} handled but not marked so")]
    public static partial void TelegramUpdateNotMarked(this ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 3029, Level = LogLevel.Warning, Message = "Telegram webhook call from {RemoteIp} refused: missing or wrong secret")]
    public static partial void TelegramWebhookSecretRefused(this ILogger logger, IPAddress? remoteIp);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Telegram polling: this host holds the poller lease now and polls getUpdates")]
    public static partial void TelegramPollerLeaseTaken(this ILogger logger);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Telegram polling: the poller lease could not be taken or released: {Reason}")]
    public static partial void TelegramPollerLeaseFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Telegram updates cannot be kept in the inbox now (its store does not answer): {Reason}; trying again in {Delay}")]
    public static partial void TelegramInboxUnreadable(this ILogger logger, TimeSpan delay, string reason);
}
