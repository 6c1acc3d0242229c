using SocialReport.Core.Delivery;

namespace SocialReport.Core.Readers;

/// <summary>Every change of a chat's subscription goes through here, from commands and from platform events alike.</summary>
public sealed class Subscriptions(IChatStore chats, TimeProvider time)
{
    public Chat? Get(ChatKey key) => chats.Get(key);

    /// <summary>
    /// Subscribes (or re-subscribes) a chat; a new <paramref name="address"/> moves an active subscription there (a
    /// team's editions to another channel). Returns false when it was already active at that address.
    /// </summary>
    public bool Subscribe(ChatKey key, ChatKind kind, string language, string via, string? title = null, string? address = null)
    {
        var now = time.GetUtcNow();
        var existing = chats.Get(key);
        if (existing is { State: SubscriptionState.Active } && (address is null || address == existing.Address))
            return false;
        chats.Save(new Chat
        {
            Key = key,
            Kind = kind,
            Title = title ?? existing?.Title,
            Language = existing?.Language ?? language,
            State = SubscriptionState.Active,
            SubscribedAt = existing is { State: SubscriptionState.Active } ? existing.SubscribedAt : now,
            SubscribedVia = via,
            UpdatedAt = now,
            Address = address ?? existing?.Address,
        });
        return true;
    }

    /// <summary>Stops a subscription at the reader's request; returns false when it was not active.</summary>
    public bool Unsubscribe(ChatKey key) => Move(key, SubscriptionState.Stopped, from: SubscriptionState.Active);

    /// <summary>The reader blocked the bot: nothing is sent until their next /start.</summary>
    public bool MarkBlocked(ChatKey key) => Move(key, SubscriptionState.Blocked);

    /// <summary>The chat is gone for the bot (deleted, kicked, uninstalled).</summary>
    public bool MarkGone(ChatKey key) => Move(key, SubscriptionState.Gone);

    /// <summary>
    /// What a platform's refusal tells about the chat, whatever was sent (a broadcast, a reply): blocked or gone ends
    /// its subscription; moved (a group that became a supergroup) moves its record to the new id. Any other outcome
    /// changes nothing. Returns true when the stored chat changed.
    /// </summary>
    public bool AfterFailedSend(ChatKey key, SendOutcome outcome) => outcome switch
    {
        SendOutcome.Blocked => MarkBlocked(key),
        SendOutcome.Gone => MarkGone(key),
        SendOutcome.Moved moved => chats.Rekey(key, key with { Id = moved.NewChatId }),
        _ => false,
    };

    /// <summary>The bot was unblocked or added back: a chat that was subscribed before becomes active again.</summary>
    public bool Reactivate(ChatKey key)
    {
        var chat = chats.Get(key);
        if (chat is not { State: SubscriptionState.Blocked or SubscriptionState.Gone } || chat.SubscribedAt is null) return false;
        chats.Save(chat with { State = SubscriptionState.Active, UpdatedAt = time.GetUtcNow() });
        return true;
    }

    /// <summary>Remembers the chat's interface language, creating the chat record if needed.</summary>
    public void SetLanguage(ChatKey key, ChatKind kind, string language, string? title = null)
    {
        var chat = chats.Get(key) ?? new Chat { Key = key, Kind = kind, Title = title, Language = language, UpdatedAt = time.GetUtcNow() };
        chats.Save(chat with { Language = language, UpdatedAt = time.GetUtcNow() });
    }

    /// <summary>Changes the chat's delivery settings (time zone, quiet hours, silence), creating the chat record if needed.</summary>
    public Chat Configure(ChatKey key, ChatKind kind, string language, Func<Chat, Chat> change, string? title = null)
    {
        var chat = chats.Get(key) ?? new Chat { Key = key, Kind = kind, Title = title, Language = language, UpdatedAt = time.GetUtcNow() };
        var changed = change(chat) with { UpdatedAt = time.GetUtcNow() };
        chats.Save(changed);
        return changed;
    }

    private bool Move(ChatKey key, SubscriptionState to, SubscriptionState? from = null)
    {
        var chat = chats.Get(key);
        if (chat is null || chat.State == to || (from is not null && chat.State != from)) return false;
        chats.Save(chat with { State = to, UpdatedAt = time.GetUtcNow() });
        return true;
    }
}
