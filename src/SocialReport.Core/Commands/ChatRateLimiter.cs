using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>At most <see cref="CommandsOptions.PerChatPerMinute"/> commands per chat per minute, so one noisy chat cannot slow others.</summary>
public sealed class ChatRateLimiter(IOptions<CommandsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<ChatKey> _limiter = PartitionedRateLimiter.Create<ChatKey, ChatKey>(chat =>
        RateLimitPartition.GetSlidingWindowLimiter(chat, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerChatPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public bool TryAcquire(ChatKey chat)
    {
        using var lease = _limiter.AttemptAcquire(chat);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
