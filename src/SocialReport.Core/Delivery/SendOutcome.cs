namespace SocialReport.Core.Delivery;

/// <summary>What a platform said about one message, mapped once by the channel adapter.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>The platform confirmed it; <paramref name="MessageId"/> is its id there.</summary>
    public sealed record Sent(string MessageId) : SendOutcome
    {
        /// <summary>Every message of the delivery, <see cref="MessageId"/> first: what a recall deletes.</summary>
        public IReadOnlyList<string> MessageIds { get; init; } = [MessageId];

        // By value, the ids included: a list compares by reference otherwise.
        public bool Equals(Sent? other) => other is not null && MessageId == other.MessageId && MessageIds.SequenceEqual(other.MessageIds);

        public override int GetHashCode() => HashCode.Combine(MessageId, MessageIds.Count);
    }

    /// <summary>Flood control: wait at least <paramref name="Delay"/>, then send again (Telegram 429 retry_after, Teams Retry-After).</summary>
    public sealed record RetryAfter(TimeSpan Delay) : SendOutcome;

    /// <summary>The reader blocked the bot: mark Blocked, never retry.</summary>
    public sealed record Blocked(string Reason) : SendOutcome;

    /// <summary>The chat no longer exists for the bot (deleted, kicked, uninstalled): mark Gone, never retry.</summary>
    public sealed record Gone(string Reason) : SendOutcome;

    /// <summary>The chat moved to a new id (Telegram group upgraded to a supergroup): update it and send again.</summary>
    public sealed record Moved(string NewChatId) : SendOutcome;

    /// <summary>The platform refused this content (e.g. Telegram "can't parse entities"): a bug on our side, never retried.</summary>
    public sealed record Rejected(string Reason) : SendOutcome;

    /// <summary>A passing fault (5xx, timeout): retry with backoff, a bounded number of times.</summary>
    public sealed record Transient(string Reason) : SendOutcome;
}
