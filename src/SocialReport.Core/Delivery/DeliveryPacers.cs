using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Delivery;

/// <summary>One <see cref="ChannelPacer"/> per channel for the whole process: the platforms' limits are per bot, not per broadcast.</summary>
public sealed class DeliveryPacers(IOptions<DeliveryOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChannelPacer> _pacers = new(StringComparer.Ordinal);

    public ChannelPacer For(string channel) =>
        _pacers.GetOrAdd(channel, name => new ChannelPacer(name, options.Value.ForChannel(name), options.Value.Adaptive, time));
}
