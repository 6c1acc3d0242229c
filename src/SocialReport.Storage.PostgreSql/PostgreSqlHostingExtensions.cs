using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialReport.Core;

namespace SocialReport.Storage.PostgreSql;

public static class PostgreSqlHostingExtensions
{
    /// <summary>
    /// The database of <c>Storage:ConnectionString</c> (validated at start, its schema migrated when first used), the
    /// archive, the chat store, the update inbox, the broadcast requests and the delivery ledger over it, all
    /// singletons sharing one <see cref="PostgreSqlStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPostgreSqlStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PostgreSqlOptions>()
            .Bind(builder.Configuration.GetSection(PostgreSqlOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlOptions>, PostgreSqlOptionsValidator>());

        // A server that does not answer yet stops nothing: PostgreSqlStartup tries again until it does.
        builder.Services.AddSingleton(sp => new PostgreSqlStore(
            sp.GetRequiredService<IOptions<PostgreSqlOptions>>().Value.ConnectionString!,
            sp.GetService<ILogger<PostgreSqlStore>>(),
            waitForServer: true));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<PostgreSqlStartup>();
        builder.Services.AddStores<PostgreSqlEditionArchive, PostgreSqlChatStore, PostgreSqlUpdateInbox, PostgreSqlBroadcastRequestStore, PostgreSqlDeliveryLedger>();
        builder.Services.AddSingleton<ILoginTokenStore, PostgreSqlLoginTokenStore>();
        // Several hosts may share the database: one sends each broadcast, another takes it over when it dies.
        builder.Services.AddSingleton<IBroadcastLeases, PostgreSqlBroadcastLeases>();
        // ...and each host's search index follows what the others publish (StoryIndexFollower).
        builder.Services.AddSingleton<IArchiveChanges, PostgreSqlArchiveChanges>();
        builder.Services.AddSingleton<IReaderData, PostgreSqlReaderData>();
        builder.Services.AddSingleton<IStoryCounts, PostgreSqlStoryCounts>();
        return builder;
    }
}
