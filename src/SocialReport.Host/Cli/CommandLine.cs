using System.CommandLine;

namespace SocialReport.Host.Cli;

/// <summary>The verbs of the <c>SocialReport.Host</c> executable; <c>serve</c> runs when none is given.</summary>
internal static class CommandLine
{
    /// <param name="configure">Runs on each host a verb builds, after the bot's own services (e.g. a channel registered by a test).</param>
    public static RootCommand Build(Action<IHostApplicationBuilder>? configure = null)
    {
        var root = new RootCommand("SocialReport: the Social Report delivered in Telegram and Microsoft Teams.")
        {
            ServeVerb.Build(configure),
            ImportVerb.Build(configure),
            RenderVerb.Build(configure),
            PublishVerb.Build(configure),
            ArchiveVerb.Build(configure),
            ChatVerb.Build(configure),
            BenchVerb.Build(configure),
            MigrateStorageVerb.Build(),
            BackupVerb.Build(configure),
            RestoreVerb.Build(configure),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => ServeVerb.RunAsync([.. parse.UnmatchedTokens], configure, ct));
        return root;
    }
}
