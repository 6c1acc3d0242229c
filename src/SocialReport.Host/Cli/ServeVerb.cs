using System.CommandLine;

namespace SocialReport.Host.Cli;

internal static class ServeVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var verb = new Command("serve", "Run the bot host (the default when no verb is given).")
        {
            TreatUnmatchedTokensAsErrors = false
        };
        verb.SetAction((parse, ct) => RunAsync([.. parse.UnmatchedTokens], configure, ct));
        return verb;
    }

    public static async Task<int> RunAsync(string[] args, Action<IHostApplicationBuilder>? configure, CancellationToken ct)
    {
        var app = HostApp.Create(args, configure);
        await app.RunAsync(ct);
        return 0;
    }
}
