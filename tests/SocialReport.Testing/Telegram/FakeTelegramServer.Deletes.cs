namespace SocialReport.Testing.Telegram;

// deleteMessage, with Telegram's rules: a message the bot sent can be deleted within 48 hours (by the fake's clock), in a
// channel only by an admin bot; a message not there (never sent, or deleted already) is "not found".
public sealed partial class FakeTelegramServer
{
    /// <summary>How long after sending Telegram lets a bot delete its message for everyone.</summary>
    public static readonly TimeSpan DeleteWindow = TimeSpan.FromHours(48);

    private readonly List<DeletedMessage> _deleted = [];

    private MethodResult DeleteMessage(BotApiRequest request)
    {
        var messageId = request.Integer("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        lock (_gate)
        {
            var chat = ChatFor(request, toSend: false);
            if (messageId is <= 0 or > int.MaxValue || !chat.Messages.TryGetValue((int)messageId, out var message))
                throw BotApiException.BadRequest("message to delete not found");
            if (chat.Type == "channel" && chat.BotStatus != "administrator") throw BotApiException.BadRequest("message can't be deleted");
            if (message.FromBot && Now - message.Date > DeleteWindow) throw BotApiException.BadRequest("message can't be deleted for everyone");
            chat.Messages.Remove(message.MessageId);
            _deleted.Add(new DeletedMessage(chat.Id, message.MessageId, message.Date, Now));
            return new MethodResult(true);
        }
    }

    /// <summary>Every message the bot deleted, in order.</summary>
    public IReadOnlyList<DeletedMessage> Deleted
    {
        get { lock (_gate) return [.. _deleted]; }
    }

    /// <summary>Whether a message is still in the chat (not deleted).</summary>
    public bool IsInChat(long chatId, int messageId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var chat) && chat.Messages.ContainsKey(messageId);
    }

    /// <summary>The content of the document a bot message carries (sendDocument); null when it has none.</summary>
    public byte[]? DocumentOf(long chatId, int messageId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var chat) && chat.Messages.TryGetValue(messageId, out var message) ? message.Document?.Content : null;
    }
}

/// <summary>A message the bot deleted: when it was sent, and when deleted.</summary>
public sealed record DeletedMessage(long ChatId, int MessageId, DateTimeOffset SentAt, DateTimeOffset At);
