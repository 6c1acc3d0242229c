using SocialReport.Core.Readers;

namespace SocialReport.Testing;

public static class TestChats
{
    /// <summary>A French-speaking chat of <paramref name="channel"/>, subscribed.</summary>
    public static Chat Subscriber(string channel, string id, ChatKind kind = ChatKind.Private) => new()
    {
        Key = new ChatKey(channel, id),
        Kind = kind,
        Language = "fr",
        State = SubscriptionState.Active,
        SubscribedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
