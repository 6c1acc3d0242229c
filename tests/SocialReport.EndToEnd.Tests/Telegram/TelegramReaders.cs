using System.Globalization;
using SocialReport.Core.Readers;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

internal static class TelegramReaders
{
    /// <summary>Makes each id a private chat of the fake and an active French subscriber in <paramref name="chats"/>.</summary>
    public static void Subscribe(FakeTelegramServer fake, IChatStore chats, IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            fake.AddChat(id);
            chats.Save(new Chat
            {
                Key = new ChatKey("telegram", id.ToString(CultureInfo.InvariantCulture)),
                Kind = ChatKind.Private,
                Language = "fr",
                State = SubscriptionState.Active,
                SubscribedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
    }
}
