using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialReport.Core.Archive;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Inbox;
using SocialReport.Core.Readers;

namespace SocialReport.Core;

public static class StoreServices
{
    /// <summary>
    /// What a store gives the host, each a singleton over the one store object it registered: the archive, the chats, the update inbox, the broadcast requests and the delivery ledger.
    /// </summary>
    public static IServiceCollection AddStores<TArchive, TChats, TInbox, TRequests, TLedger>(this IServiceCollection services)
        where TArchive : class, IEditionArchive
        where TChats : class, IChatStore
        where TInbox : class, IUpdateInbox
        where TRequests : class, IBroadcastRequestStore
        where TLedger : class, IDeliveryLedger
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TArchive>();
        services.AddSingleton<IEditionArchive>(sp => sp.GetRequiredService<TArchive>());
        services.AddSingleton<TChats>();
        services.AddSingleton<IChatStore>(sp => sp.GetRequiredService<TChats>());
        services.AddSingleton<IUpdateInbox, TInbox>();
        services.AddSingleton<IBroadcastRequestStore, TRequests>();
        services.AddSingleton<IDeliveryLedger, TLedger>();
        return services;
    }
}
