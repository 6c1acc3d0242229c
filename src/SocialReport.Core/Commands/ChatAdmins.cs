using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

internal static class ChatAdmins
{
    /// <summary>In a group only its admins (or an editor) change what the group receives; anyone may in a private chat.</summary>
    public static async Task<bool> MayChangeAsync(IEnumerable<IChatMembership> memberships, CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Inbound.ChatKind == ChatKind.Private || context.IsEditor) return true;
        var membership = memberships.FirstOrDefault(m => m.Channel == context.Inbound.Chat.Channel);
        return membership is not null
            && await membership.IsAdminAsync(context.Inbound.Chat, context.Inbound.Sender.Id, cancellationToken).ConfigureAwait(false);
    }
}
