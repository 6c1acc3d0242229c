using System.CommandLine;
using SocialReport.Core.Archive;

namespace SocialReport.Host.Cli;

internal static class ArchiveVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var verb = new Command("archive", "List the editions in the archive, newest first.");
        verb.SetAction(parse => CliHost.Guard(() =>
        {
            using var host = CliHost.Build(configure);
            var archive = host.Services.GetRequiredService<IEditionArchive>();
            var total = archive.Count();
            if (total == 0)
            {
                Console.Out.WriteLine("The archive is empty: add an edition with `publish <file>`.");
                return 0;
            }
            var number = total;
            foreach (var entry in archive.List(0, total))
                Console.Out.WriteLine($"n° {number--,-4} {entry.EditionId}  {entry.Language}  {entry.Stories} stories  rev {entry.Revision}  {entry.Title}");
            return 0;
        }));
        return verb;
    }
}
