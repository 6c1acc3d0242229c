using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SocialReport.Core;

namespace SocialReport.Storage.LiteDb;

public static class Extensions
{
    /// <summary>
    /// The LiteDB file from the <c>Storage</c> section (validated at start), the archive, the chat store, the update inbox, the broadcast requests and the delivery ledger over it,
    /// all singletons sharing one <see cref="LiteDbStore"/>; its scheduled backups and the socket the <c>backup</c> verb asks a running host through.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        builder.AddStorageOptions();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new LiteDbStore(options.Path, options.Durable);
        });
        builder.Services.AddStores<LiteDbEditionArchive, LiteDbChatStore, LiteDbUpdateInbox, LiteDbBroadcastRequestStore, LiteDbDeliveryLedger>();
        builder.Services.AddHostedService<ScheduledBackups>();
        builder.Services.AddHostedService<BackupSocket>();
        builder.Services.AddSingleton<IReaderData, LiteDbReaderData>();
        builder.Services.AddSingleton<ILoginTokenStore, LiteDbLoginTokenStore>();
        builder.Services.AddSingleton<IStoryCounts, LiteDbStoryCounts>();
        return builder;
    }

    /// <summary>The <c>Storage</c> section, validated at start, whichever store the host uses.</summary>
    public static IHostApplicationBuilder AddStorageOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        return builder;
    }
}
