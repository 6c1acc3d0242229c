using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Delivery;

/// <summary>
/// One <see cref="ChannelPacer"/> and one limit on the sends in flight per channel for the whole process: the platforms'
/// limits are per bot, not per broadcast, and so is the bound on what a crash can leave unrecorded.
/// </summary>
public sealed class DeliveryPacers(IOptions<DeliveryOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChannelPacer> _pacers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    public ChannelPacer For(string channel) =>
        _pacers.GetOrAdd(channel, name => new ChannelPacer(name, options.Value.ForChannel(name), options.Value.Adaptive, time));

    /// <summary>
    /// The sends in flight on <paramref name="channel"/>, shared by every broadcast running: at most
    /// <see cref="DeliveryOptions.MaxConcurrency"/>, however many broadcasts there are.
    /// </summary>
    public SemaphoreSlim Slots(string channel) =>
        _slots.GetOrAdd(channel, _ => new SemaphoreSlim(options.Value.MaxConcurrency));
}
