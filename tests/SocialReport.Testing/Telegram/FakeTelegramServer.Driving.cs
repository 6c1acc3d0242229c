using System.Globalization;
using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

// The test's side: what users do (write, press buttons, send files, block the bot), what happens to chats,
// and faults to inject. Misuse (a button that is not there, a private chat that is not the user's) throws.
public sealed partial class FakeTelegramServer
{
    private static readonly string[] ChatTypes = ["private", "group", "supergroup", "channel"];
    private static readonly string[] BotStatuses = ["member", "administrator", "left", "kicked"];

    private long _lastCallbackQueryId = 4_382_000_000_000_000_000;

    public FakeUser AddUser(long userId, string firstName, string? username = null, string? languageCode = null)
    {
        var user = new FakeUser(userId, firstName, username, languageCode);
        lock (_gate) _users[userId] = user;
        return user;
    }

    /// <summary>Makes a chat known to the bot (Telegram answers "chat not found" for the others).</summary>
    public void AddChat(long chatId, string? type = null, string? title = null, string? username = null)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId, type, chatId);
            chat.Title = title ?? chat.Title;
            chat.Username = username ?? chat.Username;
        }
    }

    /// <summary>A user writes <paramref name="text"/>; bot commands, mentions and links are marked as Telegram marks them.</summary>
    public FakeUpdate SendText(long chatId, long userId, string text, string? chatType = null, int? replyToMessageId = null)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId, chatType, userId);
            var message = AddUserMessage(chat, userId, replyToMessageId, new FormattedText(text, UserTextEntities.Find(text)), caption: null, document: null);
            return Enqueue(chat.Type == "channel" ? "channel_post" : "message", MessageJson(message), chat.Id, message.MessageId);
        }
    }

    /// <summary>A user sends a file; its bytes are then served by getFile and the file download.</summary>
    public FakeUpdate SendDocument(long chatId, long userId, string fileName, byte[] content, string? caption = null, string? chatType = null, int? replyToMessageId = null)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId, chatType, userId);
            var file = StoreFile(fileName, content);
            var captionText = caption is null ? null : new FormattedText(caption, UserTextEntities.Find(caption));
            var message = AddUserMessage(chat, userId, replyToMessageId, text: null, captionText, file);
            return Enqueue(chat.Type == "channel" ? "channel_post" : "message", MessageJson(message), chat.Id, message.MessageId);
        }
    }

    /// <summary>A user presses an inline button; it must be on the message as the bot last sent or edited it.</summary>
    public FakeUpdate PressButton(long chatId, long userId, int messageId, string callbackData)
    {
        lock (_gate)
        {
            var chat = _chats.GetValueOrDefault(chatId) ?? throw new InvalidOperationException($"Chat {Invariant(chatId)} is unknown.");
            if (!chat.Messages.TryGetValue(messageId, out var message) || !message.FromBot)
                throw new InvalidOperationException($"The bot sent no message {Invariant(messageId)} in chat {Invariant(chatId)}.");
            var buttons = message.Buttons.SelectMany(row => row).ToList();
            if (!buttons.Any(button => button.CallbackData == callbackData))
                throw new InvalidOperationException(
                    $"Message {Invariant(messageId)} in chat {Invariant(chatId)} has no button with callback data \"{callbackData}\"; it has: "
                    + string.Join(", ", buttons.Select(b => $"[{b.Text}] {b.CallbackData ?? b.Url}")));
            if (!chat.IsPrivate) chat.Members.Add(userId);
            var id = (++_lastCallbackQueryId).ToString(CultureInfo.InvariantCulture);
            _openCallbackQueries.Add(id);
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(UserById(userId)),
                ["message"] = MessageJson(message),
                ["chat_instance"] = Invariant(chatId * 7919 % 1_000_000_007),
                ["data"] = callbackData,
            };
            return Enqueue("callback_query", query, chat.Id, messageId, id);
        }
    }

    /// <summary>The bot's membership changes (blocked, unblocked, added, promoted, removed): a my_chat_member update, and the chat follows.</summary>
    /// <param name="oldStatus">member, administrator, left or kicked (kicked in a private chat: blocked).</param>
    /// <param name="byUserId">Who did it; in a private chat, the user. Defaults to the chat's first administrator.</param>
    public FakeUpdate ChangeMyChatMember(long chatId, string oldStatus, string newStatus, string? chatType = null, long? byUserId = null)
    {
        if (!BotStatuses.Contains(oldStatus) || !BotStatuses.Contains(newStatus))
            throw new ArgumentException($"Statuses are {string.Join(", ", BotStatuses)}.", nameof(newStatus));
        lock (_gate)
        {
            var chat = ChatOf(chatId, chatType, byUserId ?? chatId);
            var actor = chat.IsPrivate ? chat.Id
                : byUserId ?? (chat.Administrators.Count > 0 ? chat.Administrators.First()
                    : throw new ArgumentException("Say who changed the bot's membership in a group (byUserId).", nameof(byUserId)));
            chat.BotStatus = newStatus;
            var change = new JsonObject
            {
                ["chat"] = ChatJson(chat),
                ["from"] = UserJson(UserById(actor)),
                ["date"] = Now.ToUnixTimeSeconds(),
                ["old_chat_member"] = MemberJson(chat, Bot, oldStatus),
                ["new_chat_member"] = MemberJson(chat, Bot, newStatus),
            };
            return Enqueue("my_chat_member", change, chat.Id);
        }
    }

    /// <summary>Sends an update again with the same update_id, as Telegram does when it saw no answer to a delivery.</summary>
    public FakeUpdate RepeatUpdate(long updateId)
    {
        lock (_gate)
        {
            var original = _history.GetValueOrDefault(updateId) ?? throw new InvalidOperationException($"No update {Invariant(updateId)}.");
            var again = new PendingUpdate(updateId, original.Type, original.QueueKey, (JsonObject)original.Json.DeepClone());
            var index = _pending.FindIndex(update => update.UpdateId > updateId);
            _pending.Insert(index < 0 ? _pending.Count : index, again);
            SignalUpdates();
            return new FakeUpdate(updateId, original.Type, original.QueueKey, null, null, true);
        }
    }

    /// <summary>These users administer the chat (getChatMember, getChatAdministrators).</summary>
    public void SetAdministrators(long chatId, params long[] userIds)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId, null, chatId);
            chat.Administrators.Clear();
            foreach (var id in userIds)
            {
                UserById(id);
                chat.Administrators.Add(id);
            }
        }
    }

    /// <summary>The user blocked the bot: sending answers 403 "Forbidden: bot was blocked by the user". No update (see <see cref="ChangeMyChatMember"/>).</summary>
    public void Block(long chatId) => SetBotStatus(chatId, "private", "kicked");

    public void Unblock(long chatId) => SetBotStatus(chatId, "private", "member");

    /// <summary>The bot was removed from a group: 403 "Forbidden: bot was kicked from the group chat".</summary>
    public void Kick(long chatId) => SetBotStatus(chatId, null, "kicked");

    /// <summary>The chat is gone: 400 "Bad Request: chat not found".</summary>
    public void Delete(long chatId)
    {
        lock (_gate) KnownChat(chatId).Deleted = true;
    }

    /// <summary>The user deleted their account: 403 "Forbidden: user is deactivated".</summary>
    public void Deactivate(long userId)
    {
        lock (_gate) _deactivated.Add(userId);
    }

    /// <summary>The group became a supergroup: calls to the old id answer 400 with parameters.migrate_to_chat_id.</summary>
    public void Migrate(long chatId, long supergroupId)
    {
        lock (_gate)
        {
            var group = KnownChat(chatId);
            if (group.Type != "group") throw new InvalidOperationException("Only a group migrates to a supergroup.");
            var supergroup = ChatOf(supergroupId, "supergroup", 0);
            supergroup.Title = group.Title;
            supergroup.BotStatus = group.BotStatus;
            supergroup.Administrators.UnionWith(group.Administrators);
            supergroup.Members.UnionWith(group.Members);
            group.MigratedTo = supergroupId;
        }
    }

    /// <summary>The next <paramref name="calls"/> matching calls fail with <paramref name="statusCode"/> (500 as JSON; 502-504 as nginx's HTML page).</summary>
    public void FailNext(int calls, int statusCode = 500, long? chatId = null, string? method = null)
    {
        lock (_gate) _faults.Add(new Fault(calls, statusCode, 0, chatId, method));
    }

    /// <summary>The next call of <paramref name="method"/> (to <paramref name="chatId"/>, if given) waits, unanswered, until the hold is released.</summary>
    public FakeHold HoldNext(string method, long? chatId = null)
    {
        var hold = new FakeHold(method, chatId);
        lock (_gate) _holds.Add(hold);
        return hold;
    }

    /// <summary>The next <paramref name="calls"/> matching calls answer 429 with retry_after (not counted as limit violations).</summary>
    public void ThrottleNext(int calls, int retryAfterSeconds, long? chatId = null, string? method = null)
    {
        lock (_gate) _faults.Add(new Fault(calls, 429, retryAfterSeconds, chatId, method));
    }

    private void SetBotStatus(long chatId, string? expectedType, string status)
    {
        lock (_gate)
        {
            var chat = expectedType == "private" ? ChatOf(chatId, "private", chatId) : KnownChat(chatId);
            if (expectedType is null && chat.IsPrivate) throw new InvalidOperationException("A user blocks the bot in a private chat: use Block.");
            chat.BotStatus = status;
        }
    }

    private FakeChat KnownChat(long chatId) => _chats.GetValueOrDefault(chatId) ?? throw new InvalidOperationException($"Chat {Invariant(chatId)} is unknown.");

    /// <summary>The chat, created if new. Ids follow Telegram: users positive, groups negative, supergroups and channels -100….</summary>
    private FakeChat ChatOf(long chatId, string? type, long userId)
    {
        if (_chats.TryGetValue(chatId, out var chat))
        {
            if (type is not null && type != chat.Type) throw new ArgumentException($"Chat {Invariant(chatId)} is a {chat.Type}, not a {type}.", nameof(type));
        }
        else
        {
            type ??= chatId > 0 ? "private" : chatId <= -1_000_000_000_000 ? "supergroup" : "group";
            if (!ChatTypes.Contains(type)) throw new ArgumentException($"Chat types are {string.Join(", ", ChatTypes)}.", nameof(type));
            if ((type == "private") != (chatId > 0)) throw new ArgumentException($"A {type} chat id must be {(type == "private" ? "positive" : "negative")}.", nameof(chatId));
            chat = _chats[chatId] = new FakeChat(chatId, type);
            if (type == "private") UserById(chatId);
        }
        if (chat.IsPrivate && userId != chatId && userId != 0)
            throw new ArgumentException($"A private chat's id is its user's id ({Invariant(chatId)}), not {Invariant(userId)}.", nameof(userId));
        return chat;
    }

    private StoredMessage AddUserMessage(FakeChat chat, long userId, int? replyToMessageId, FormattedText? text, FormattedText? caption, StoredFile? document)
    {
        StoredMessage? replyTo = null;
        if (replyToMessageId is { } id && !chat.Messages.TryGetValue(id, out replyTo))
            throw new InvalidOperationException($"No message {Invariant(id)} in chat {Invariant(chat.Id)} to reply to.");
        if (!chat.IsPrivate) chat.Members.Add(userId);
        var message = new StoredMessage
        {
            Chat = chat,
            MessageId = ++chat.LastMessageId,
            From = chat.Type == "channel" ? null : UserById(userId),
            Date = Now,
            Text = text,
            Caption = caption,
            Document = document,
            ReplyTo = replyTo,
        };
        chat.Messages[message.MessageId] = message;
        return message;
    }
}
