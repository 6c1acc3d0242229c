using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Core.Search;

namespace SocialReport.Core;

public static class CoreServices
{
    /// <summary>The channel-agnostic core: importer, search index, command engine. Storage and channels are added by their own projects.</summary>
    public static IHostApplicationBuilder AddSocialReportCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddOptions<CommandsOptions>().BindConfiguration(CommandsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EditorsOptions>().BindConfiguration(EditorsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EditorsOptions>, EditorsOptionsValidator>());
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new EditionImporter(OutletCatalog.Default.WithExtra(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value.Outlets)));
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName);
        services.AddSingleton<IStoryIndex>(sp => StoryIndexes.Open(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value,
            sp.GetRequiredService<IEditionArchive>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<LuceneStoryIndex>(),
            followed: sp.GetService<IArchiveChanges>() is not null));
        services.AddSingleton<EditionPublisher>();
        services.AddHostedService<StoryIndexFollower>();
        services.AddSingleton<IEditionPreview, PlainTextPreview>();

        services.AddSingleton<Subscriptions>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<SocialReportMetrics>();
        services.AddSingleton<CommandEngine>();
        services.AddSingleton<ICommandHandler, SubscriptionCommands>();
        services.AddSingleton<ICommandHandler, ReadingCommands>();
        services.AddSingleton<ICommandHandler, SearchCommands>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<UndatedEditions>();
        services.AddSingleton<ICommandHandler, EditorCommands>();
        // The store's when the host has one (AddLiteDbStorage); else requests waiting for /confirm don't outlive the process.
        services.TryAddSingleton<IBroadcastRequestStore, MemoryBroadcastRequestStore>();
        services.AddSingleton<BroadcastRequests>();
        services.AddSingleton<ICommandHandler, BroadcastCommands>();
        services.AddSingleton<Following>();
        services.AddSingleton<ICommandHandler, FollowCommands>();
        services.AddSingleton<ICommandHandler, PrivacyCommands>();
        // The store's when the host has one; else sign-in links don't outlive the process.
        services.TryAddSingleton<ILoginTokenStore, MemoryLoginTokenStore>();
        services.AddSingleton<LoginTokens>();
        services.AddSingleton<ICommandHandler, LoginCommand>();
        services.AddSingleton<EditorActions>();
        services.AddSingleton<ICommandHandler, ReportCommands>();

        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateOnStart();
        services.AddBroadcasts();
        return builder;
    }
}
