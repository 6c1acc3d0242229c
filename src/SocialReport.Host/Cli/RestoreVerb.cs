using System.CommandLine;
using LiteDB;
using Microsoft.Extensions.Options;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host.Cli;

/// <summary>
/// <c>restore &lt;file&gt;</c>: a backup made by <c>backup</c> becomes the LiteDB file of <c>Storage:Path</c>. Refused while
/// a host has that file open, and over an existing file unless <c>--replace</c>. PostgreSQL is pg_restore's job.
/// </summary>
internal static class RestoreVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup to restore." };
        var replace = new Option<bool>("--replace") { Description = "Overwrite the file at Storage:Path (with no host running)." };
        var verb = new Command("restore", "Put a backup in place of the LiteDB file, with no host running (PostgreSQL: use pg_restore).") { file, replace };
        verb.SetAction(parse =>
        {
            using var host = CliHost.Build(configure);
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.UsesPostgreSql)
            {
                Console.Error.WriteLine("The store is PostgreSQL (Storage:Provider): restore a pg_dump backup with pg_restore.");
                return 1;
            }
            var backup = parse.GetValue(file)!.FullName;
            try
            {
                LiteDbStore.Restore(backup, storage.Path, parse.GetValue(replace));
            }
            catch (StorageInUseException)
            {
                Console.Error.WriteLine($"{storage.Path} is open in a running SocialReport process: stop it before restoring; "
                    + "a store in use is never overwritten.");
                return 3;
            }
            catch (Exception e) when (e is IOException or LiteException)
            {
                Console.Error.WriteLine($"restore: {e.Message}");
                return 1;
            }
            Console.Out.WriteLine($"restored {backup} to {storage.Path}");
            return 0;
        });
        return verb;
    }
}
