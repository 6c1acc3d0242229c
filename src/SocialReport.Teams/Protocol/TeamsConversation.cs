namespace SocialReport.Teams.Protocol;

/// <summary>Reading where an activity happened, the way Teams encodes it.</summary>
internal static class TeamsConversation
{
    private const string ThreadSuffix = ";messageid=";

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>, falling back on <c>isGroup</c> when the type is missing.</summary>
    public static string TypeOf(Activity activity) =>
        activity.Conversation?.ConversationType switch
        {
            "personal" or "groupChat" or "channel" => activity.Conversation.ConversationType,
            _ when activity.ChannelData?.Channel?.Id is not null => "channel",
            _ => activity.Conversation?.IsGroup == true ? "groupChat" : "personal",
        };

    /// <summary>
    /// The conversation's id, without the <c>;messageid=…</c> Teams appends inside a channel thread: a channel is one
    /// chat for the bot, whichever thread a command was typed in.
    /// </summary>
    public static string? IdOf(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (id is null) return null;
        var thread = id.IndexOf(ThreadSuffix, StringComparison.Ordinal);
        return thread > 0 && TypeOf(activity) == "channel" ? id[..thread] : id;
    }
}
