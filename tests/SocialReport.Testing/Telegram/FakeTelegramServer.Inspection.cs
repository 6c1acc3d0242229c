namespace SocialReport.Testing.Telegram;

// What the bot did, for assertions. Every answer is a snapshot.
public sealed partial class FakeTelegramServer
{
    /// <summary>Everything the bot sent or edited, in order.</summary>
    public IReadOnlyList<BotMessage> AllSent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    /// <summary>What the bot sent or edited in one chat, in order (an edit is its own entry).</summary>
    public IReadOnlyList<BotMessage> SentTo(long chatId)
    {
        lock (_gate) return [.. _sent.Where(m => m.ChatId == chatId)];
    }

    public BotMessage? LastSentTo(long chatId)
    {
        lock (_gate) return _sent.LastOrDefault(m => m.ChatId == chatId);
    }

    /// <summary>A bot message as it stands now: its last send or edit.</summary>
    public BotMessage Message(long chatId, int messageId)
    {
        lock (_gate)
            return _sent.LastOrDefault(m => m.ChatId == chatId && m.MessageId == messageId)
                   ?? throw new InvalidOperationException($"The bot sent no message {Invariant(messageId)} in chat {Invariant(chatId)}.");
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get { lock (_gate) return [.. _callbackAnswers]; }
    }

    /// <summary>The commands registered for a scope and language ("" = all languages without their own list).</summary>
    public IReadOnlyList<RegisteredCommand> Commands(CommandScope? scope = null, string languageCode = "")
    {
        lock (_gate) return _commands.GetValueOrDefault((scope ?? CommandScope.Default, languageCode)) ?? [];
    }

    /// <summary>The webhook in place, or null while the bot polls.</summary>
    public WebhookState? Webhook
    {
        get { lock (_gate) return _webhook; }
    }

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries
    {
        get { lock (_gate) return [.. _deliveries]; }
    }

    /// <summary>Updates created and not yet confirmed (polling) or delivered (webhook).</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) return _pending.Count; }
    }

    public int RequestCount(string method)
    {
        lock (_gate) return _requestCounts.GetValueOrDefault(method);
    }

    public IReadOnlyDictionary<string, int> RequestCounts
    {
        get { lock (_gate) return new Dictionary<string, int>(_requestCounts); }
    }

    /// <summary>429 answers given: limit violations under <see cref="RateLimitMode.Enforce"/> and injected throttles.</summary>
    public int TooManyRequestsReturned => Volatile.Read(ref _tooManyRequests);

    /// <summary>409 answers given: a getUpdates ended by another one (two bots polling at once), or polling under a webhook.</summary>
    public int ConflictsReturned => Volatile.Read(ref _conflicts);

    /// <summary>Every message that broke a flood limit, whether refused or (in record-only mode) delivered.</summary>
    public IReadOnlyList<LimitViolation> LimitViolations
    {
        get { lock (_gate) return [.. _violations]; }
    }

    /// <summary>Waits (in real time) until <paramref name="condition"/> holds; throws TimeoutException otherwise.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the bot has sent or edited at least <paramref name="count"/> messages in the chat, and returns them.</summary>
    public async Task<IReadOnlyList<BotMessage>> WaitForSentAsync(long chatId, int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => SentTo(chatId).Count >= count, timeout, $"{count} message(s) to chat {Invariant(chatId)}");
        return SentTo(chatId);
    }
}
