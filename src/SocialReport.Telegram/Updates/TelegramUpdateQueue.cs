using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Updates;

internal enum Enqueued { Accepted, Duplicate, Full }

/// <summary>Updates received (by long polling or the webhook) and waiting for the worker; bounded, repeated ids dropped.</summary>
internal sealed class TelegramUpdateQueue
{
    private const int RememberedIds = 10_000;
    private readonly Channel<Update> _channel;
    private readonly RecentUpdateIds _seen = new(RememberedIds);

    public TelegramUpdateQueue(IOptions<TelegramOptions> options) =>
        _channel = Channel.CreateBounded<Update>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

    internal ChannelReader<Update> Reader => _channel.Reader;

    /// <summary>For the webhook, which must answer at once: Full means "answer 503, Telegram will deliver it again".</summary>
    public Enqueued TryEnqueue(Update update)
    {
        if (!_seen.Add(update.Id)) return Enqueued.Duplicate;
        if (_channel.Writer.TryWrite(update)) return Enqueued.Accepted;
        _seen.Remove(update.Id);
        return Enqueued.Full;
    }

    /// <summary>For long polling, which can wait for room before confirming the updates with the next offset.</summary>
    public async ValueTask<Enqueued> EnqueueAsync(Update update, CancellationToken cancellationToken)
    {
        if (!_seen.Add(update.Id)) return Enqueued.Duplicate;
        try
        {
            await _channel.Writer.WriteAsync(update, cancellationToken);
            return Enqueued.Accepted;
        }
        catch (OperationCanceledException)
        {
            _seen.Remove(update.Id);
            throw;
        }
    }
}
