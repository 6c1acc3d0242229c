using SocialReport.Telegram.Outbound;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

/// <summary>The bot's own user (getMe), asked once: its username tells our commands from other bots' in groups.</summary>
internal sealed class BotIdentity(TelegramClients clients)
{
    private User? _me;

    public async Task<User> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _me) is { } me) return me;
        me = await clients.ForReplies().GetMe(cancellationToken);
        Volatile.Write(ref _me, me);
        return me;
    }
}
