namespace SocialReport.Testing.Telegram;

/// <summary>Sliding-window counters of the messages the bot sent: per chat, per group and overall. Not thread-safe.</summary>
internal sealed class RateLimiter(FakeRateLimits limits)
{
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perGroup = [];
    private readonly Queue<DateTimeOffset> _overall = new();
    private readonly Queue<DateTimeOffset> _paidOverall = new();

    public FakeRateLimits Limits => limits;

    /// <summary>The limits one more message to <paramref name="chatId"/> would break now, with the seconds to wait.</summary>
    /// <param name="paid">Sent with <c>allow_paid_broadcast</c>: the bot-wide limit is the paid one.</param>
    public List<(RateLimitKind Kind, int RetryAfter)> Check(long chatId, bool isGroup, bool paid, DateTimeOffset now)
    {
        var broken = new List<(RateLimitKind, int)>();
        if (limits.Mode == RateLimitMode.Off) return broken;
        Check(RateLimitKind.PerChat, limits.PerChat, Window(_perChat, chatId), now, broken);
        if (isGroup) Check(RateLimitKind.PerGroup, limits.PerGroup, Window(_perGroup, chatId), now, broken);
        if (paid) Check(RateLimitKind.Overall, limits.PaidOverall, _paidOverall, now, broken);
        else Check(RateLimitKind.Overall, limits.Overall, _overall, now, broken);
        return broken;
    }

    public void Count(long chatId, bool isGroup, bool paid, DateTimeOffset now)
    {
        if (limits.Mode == RateLimitMode.Off) return;
        Window(_perChat, chatId).Enqueue(now);
        if (isGroup) Window(_perGroup, chatId).Enqueue(now);
        (paid ? _paidOverall : _overall).Enqueue(now);
    }

    private static Queue<DateTimeOffset> Window(Dictionary<long, Queue<DateTimeOffset>> windows, long chatId)
    {
        if (!windows.TryGetValue(chatId, out var window)) windows[chatId] = window = new Queue<DateTimeOffset>();
        return window;
    }

    private static void Check(RateLimitKind kind, RateLimit? limit, Queue<DateTimeOffset> sent, DateTimeOffset now, List<(RateLimitKind, int)> broken)
    {
        if (limit is not { } rate) return;
        while (sent.Count > 0 && sent.Peek() <= now - rate.Window) sent.Dequeue();
        if (sent.Count < rate.Limit) return;
        // The oldest messages leave the window first; wait until enough have left for one more.
        var freeAt = sent.ElementAt(sent.Count - rate.Limit) + rate.Window;
        broken.Add((kind, Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds))));
    }
}
