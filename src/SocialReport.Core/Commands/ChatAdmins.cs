using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>Who may change what the bot keeps about a chat: anyone in a private chat; in a group, its admins or an editor.</summary>
internal static class ChatAdmins
{
    public static async Task<bool> MayChangeAsync(IEnumerable<IChatMembership> memberships, CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Inbound.ChatKind == ChatKind.Private || context.IsEditor) return true;
        var membership = memberships.FirstOrDefault(m => m.Channel == context.Inbound.Chat.Channel);
        return membership is not null
            && await membership.IsAdminAsync(context.Inbound.Chat, context.Inbound.Sender.Id, cancellationToken).ConfigureAwait(false);
    }
}
