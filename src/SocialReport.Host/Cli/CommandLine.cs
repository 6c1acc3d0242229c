using System.CommandLine;

namespace SocialReport.Host.Cli;

/// <summary>The verbs of the <c>SocialReport.Host</c> executable; <c>serve</c> runs when none is given.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("SocialReport: the Social Report delivered in Telegram and Microsoft Teams.")
        {
            ServeVerb.Build(),
            ImportVerb.Build(),
            RenderVerb.Build(),
            PublishVerb.Build(),
            ArchiveVerb.Build(),
            ChatVerb.Build(),
            BenchVerb.Build(),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => ServeVerb.RunAsync([.. parse.UnmatchedTokens], ct));
        return root;
    }
}
