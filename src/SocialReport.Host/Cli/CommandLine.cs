using System.CommandLine;

namespace SocialReport.Host.Cli;

/// <summary>The verbs of the <c>SocialReport.Host</c> executable; <c>serve</c> runs when none is given.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var serve = ServeVerb.Build();
        var root = new RootCommand("SocialReport: the Social Report delivered in Telegram and Microsoft Teams.")
        {
            serve,
        };
        root.SetAction((parse, ct) => ServeVerb.RunAsync([], ct));
        return root;
    }
}
