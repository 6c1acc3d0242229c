using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Outbound;
using SocialReport.Telegram.Protocol;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SocialReport.Telegram.Inbound;

/// <summary>Who administers a Telegram chat (getChatMember), and which chat an @name is (getChat).</summary>
internal sealed class TelegramChatMembership(
    TelegramClients clients,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<TelegramChatMembership> logger) : IChatMembership
{
    public string Channel => TelegramChats.Channel;

    public async Task<bool> IsAdminAsync(ChatKey chat, string userId, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !TelegramChats.TryParseId(chat, out var chatId) || !long.TryParse(userId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var user)) return false;
        try
        {
            return IsAdmin(await clients.ForReplies().GetChatMember(chatId, user, cancellationToken));
        }
        catch (Exception e) when (TelegramErrors.ToOutcome(e) is not null)
        {
            if (logger.IsEnabled(LogLevel.Information))
                logger.TelegramGetChatMemberFailed(chatId, TelegramErrors.Describe(e));
            return false;
        }
    }

    /// <summary>The chat, when it exists and the bot can post there (an admin of a channel, a member of a group).</summary>
    public async Task<ResolvedChat?> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || string.IsNullOrWhiteSpace(name)) return null;
        var reference = name.Trim();
        var chatId = long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(reference.StartsWith('@') ? reference : "@" + reference);
        try
        {
            var bot = clients.ForReplies();
            var chat = await bot.GetChat(chatId, cancellationToken);
            if (chat.Type == ChatType.Private) return null;
            var me = await identity.GetAsync(cancellationToken);
            var botMember = await bot.GetChatMember(chat.Id, me.Id, cancellationToken);
            var canPost = chat.Type == ChatType.Channel ? IsAdmin(botMember) : botMember.Status is not (ChatMemberStatus.Left or ChatMemberStatus.Kicked);
            return canPost ? new ResolvedChat(TelegramChats.KeyOf(chat.Id), TelegramChats.KindOf(chat.Type), chat.Title) : null;
        }
        catch (Exception e) when (TelegramErrors.ToOutcome(e) is not null)
        {
            if (logger.IsEnabled(LogLevel.Information))
                logger.TelegramChatUnresolved(reference, TelegramErrors.Describe(e));
            return null;
        }
    }

    private static bool IsAdmin(ChatMember member) => member.Status is ChatMemberStatus.Administrator or ChatMemberStatus.Creator;
}
