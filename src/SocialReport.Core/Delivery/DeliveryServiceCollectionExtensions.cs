using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Broadcast delivery: runner, service, scheduler, pacers and the hosted <see cref="DeliveryWorker"/>. The host
    /// binds <see cref="DeliveryOptions"/> (section <c>Delivery</c>) and registers <see cref="IDeliveryLedger"/>,
    /// <see cref="IChatStore"/>, the archive and one <see cref="IEditionSender"/> per channel.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Subscriptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBroadcastObserver, LoggingBroadcastObserver>());
        services.TryAddSingleton<DeliveryPacers>();
        // One host alone on its store, unless the store registers leases several hosts share.
        services.TryAddSingleton<IBroadcastLeases, LocalBroadcastLeases>();
        services.TryAddSingleton<BroadcastRunner>();
        services.TryAddSingleton<BroadcastService>();
        services.TryAddSingleton<BroadcastScheduler>();
        services.TryAddSingleton<IBroadcastStatus, BroadcastStatus>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<LedgerRetention>();
        services.TryAddSingleton<BroadcastReports>();
        services.TryAddSingleton<StoryTaps>();
        return services;
    }
}
