using System.Collections.Concurrent;
using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

/// <summary>A channel that answers like a platform under load: blocked readers, moved groups, random 429s and 5xx.</summary>
internal sealed class FakePlatform(string channel, TimeProvider time, int seed = 1) : IEditionSender
{
    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<string, byte> _moved = new(StringComparer.Ordinal);
    private int _messageIds;

    public string Channel => channel;
    /// <summary>False: the channel's adapter is off (not configured).</summary>
    public bool IsEnabled { get; set; } = true;
    public HashSet<string> Blocked { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Moves { get; } = new(StringComparer.Ordinal);
    public double ThrottleRate { get; set; }
    public double TransientRate { get; set; }
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs when a message reached the platform, before the answer goes back (e.g. to hold it in flight).</summary>
    public Func<string, Task>? OnReceived { get; set; }

    /// <summary>Set when the sending process is killed: nothing it tries to send afterwards leaves it.</summary>
    public bool Unplugged { get; set; }

    /// <summary>Every call, answered or not.</summary>
    public ConcurrentQueue<(string ChatId, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>Messages the platform accepted: what readers got.</summary>
    public ConcurrentQueue<(string ChatId, DateTimeOffset At)> Received { get; } = new();

    public int Throttled;

    public async Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        var id = chat.Key.Id;
        if (Unplugged) throw new IOException("the sending process is dead");
        Calls.Enqueue((id, time.GetUtcNow()));
        if (Broken.Contains(id)) throw new InvalidOperationException("the renderer choked");
        if (Blocked.Contains(id)) return new SendOutcome.Blocked("Forbidden: bot was blocked by the user");
        if (Moves.TryGetValue(id, out var to) && _moved.TryAdd(id, 0)) return new SendOutcome.Moved(to);
        double draw;
        lock (_random) draw = _random.NextDouble();
        if (draw < ThrottleRate)
        {
            Interlocked.Increment(ref Throttled);
            return new SendOutcome.RetryAfter(RetryAfter);
        }
        if (draw < ThrottleRate + TransientRate) return new SendOutcome.Transient("502 Bad Gateway");
        Received.Enqueue((id, time.GetUtcNow()));
        if (OnReceived is not null) await OnReceived(id);
        return new SendOutcome.Sent(Interlocked.Increment(ref _messageIds).ToString(CultureInfo.InvariantCulture));
    }

    public Dictionary<string, int> ReceivedPerChat() =>
        Received.GroupBy(message => message.ChatId).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
}
