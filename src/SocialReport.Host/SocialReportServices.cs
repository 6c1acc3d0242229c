using SocialReport.Core;
using SocialReport.Core.Commands;
using SocialReport.Storage.LiteDb;
using SocialReport.Teams;

namespace SocialReport.Host;

internal static class SocialReportServices
{
    /// <summary>Everything the bot is made of; the same for the web host and the command-line verbs.</summary>
    public static IHostApplicationBuilder AddSocialReport(this IHostApplicationBuilder builder)
    {
        builder.AddSocialReportCore();
        builder.AddLiteDbStorage();
        builder.AddTelegram();
        builder.AddTeams();
        builder.Services.AddHttpClient<IEditionSource, EditionSource>(http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<ArchiveSeeder>();
        builder.Services.AddSingleton<ConsoleNotifier>();
        builder.Services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<ConsoleNotifier>());
        return builder;
    }
}
