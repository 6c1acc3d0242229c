using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;

namespace SocialReport.Core;

public static class ChannelServices
{
    /// <summary>
    /// Registers a channel's <paramref name="settings"/>: <see cref="DeliveryOptions.Channels"/> gets its pacing (its defaults,
    /// then <c>Delivery:{Section}</c>), and the <c>Admins</c> check applies its editor id rule. Its sender, preview and
    /// notifier are registered by the adapter as any service.
    /// </summary>
    public static IServiceCollection AddChannel(this IServiceCollection services, ChannelSettings settings)
    {
        if (!string.Equals(settings.Channel, settings.Section, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The section '{settings.Section}' must be the channel's name '{settings.Channel}' in any case.", nameof(settings));
        services.AddSingleton(settings);
        services.AddOptions<DeliveryOptions>().Configure<IConfiguration>((delivery, configuration) =>
        {
            var pacing = settings.PacingDefaults();
            configuration.GetSection($"{DeliveryOptions.SectionName}:{settings.Section}").Bind(pacing);
            delivery.Channels[settings.Section] = pacing;
        });
        return services;
    }
}
