using Microsoft.Extensions.Options;
using SocialReport.Core;
using SocialReport.Core.Commands;
using SocialReport.Core.Search;
using SocialReport.Storage.LiteDb;
using SocialReport.Teams;
using SocialReport.Telegram;

namespace SocialReport.Host;

internal static class SocialReportServices
{
    /// <summary>Everything the bot is made of; the same for the web host and the command-line verbs.</summary>
    public static IHostApplicationBuilder AddSocialReport(this IHostApplicationBuilder builder)
    {
        builder.AddSocialReportCore();
        builder.AddStorage();
        // Relative paths in Storage are under the content root (the app's folder), not wherever the host was started from.
        builder.Services.AddOptions<StorageOptions>().PostConfigure<IHostEnvironment>((storage, env) =>
        {
            if (!string.IsNullOrEmpty(storage.Path))
                storage.Path = ContentRoot.Resolve(env.ContentRootPath, storage.Path);
            if (!string.IsNullOrEmpty(storage.SeedDirectory))
                storage.SeedDirectory = ContentRoot.Resolve(env.ContentRootPath, storage.SeedDirectory);
            if (!string.IsNullOrEmpty(storage.Backup.Directory))
                storage.Backup.Directory = ContentRoot.Resolve(env.ContentRootPath, storage.Backup.Directory);
        });
        // The search index is kept beside the store: next to the LiteDB file (one index per file), or in the content root's
        // data folder with PostgreSQL. Empty: in memory only.
        builder.Services.AddOptions<SearchOptions>().PostConfigure<IOptions<StorageOptions>, IHostEnvironment>((search, storage, env) =>
            search.IndexDirectory = search.IndexDirectory switch
            {
                null when storage.Value.UsesPostgreSql => ContentRoot.Resolve(env.ContentRootPath, "data/search-index"),
                null => storage.Value.Path + ".search",
                "" => "",
                var path => ContentRoot.Resolve(env.ContentRootPath, path),
            });
        builder.AddTelegram();
        builder.AddTeams();
        builder.Services.AddEditionSource();
        builder.Services.AddHostedService<ArchiveSeeder>();
        builder.Services.AddSingleton<ConsoleNotifier>();
        builder.Services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<ConsoleNotifier>());
        return builder;
    }

    /// <summary>/publish by address: a client of its own, whose connections reach only public addresses; the time
    /// budget is <see cref="EditionDownloadOptions.Budget"/>, not the client's timeout.</summary>
    internal static IServiceCollection AddEditionSource(this IServiceCollection services)
    {
        services.AddOptions<EditionDownloadOptions>();
        services.AddHttpClient<IEditionSource, EditionSource>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => EditionDownloadHandler.Create(sp.GetRequiredService<IOptions<EditionDownloadOptions>>().Value));
        return services;
    }
}
