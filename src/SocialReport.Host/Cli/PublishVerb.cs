using System.CommandLine;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

internal static class PublishVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The edition file (.md, .txt or .html)." };
        var verb = new Command("publish", "Add an edition to the archive (a no-op when unchanged, a new revision when changed).") { file, ImportVerb.Format, EditionOptions.Date, EditionOptions.Encoding };
        verb.SetAction(parse => CliHost.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var host = CliHost.Build(configure);
            var edition = host.Services.GetRequiredService<EditionImporter>().ImportFile(parse.GetValue(file)!.FullName, EditionOptions.Hints(parse));
            var result = host.Services.GetRequiredService<IEditionArchive>().Publish(edition);
            parse.InvocationConfiguration.Output.WriteLine($"{result.Outcome.ToString().ToLowerInvariant()}: {result.EditionId} revision {result.Revision} · {edition.Title} · {edition.Stories.Count} stories");
            return 0;
        }));
        return verb;
    }
}
