using System.CommandLine;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the LiteDB file. With no host running, the verb copies the file itself;
/// while a host has it open, the verb asks that host (through <see cref="BackupSocket"/>) and the copy is made there,
/// between two commits, while the host goes on serving. PostgreSQL is pg_dump's job.
/// </summary>
internal static class BackupVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The copy to write: a new file." };
        var verb = new Command("backup", "Copy the LiteDB file consistently, also while the host runs (PostgreSQL: use pg_dump).") { file };
        verb.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(configure);
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.UsesPostgreSql)
            {
                Console.Error.WriteLine("The store is PostgreSQL (Storage:Provider): back it up with pg_dump "
                    + "(pg_dump --format=custom --file=<file> <database>) and restore it with pg_restore.");
                return 1;
            }
            if (!File.Exists(storage.Path))
            {
                Console.Error.WriteLine($"{storage.Path}: no such file (Storage:Path)");
                return 1;
            }
            var target = parse.GetValue(file)!.FullName;
            try
            {
                long bytes;
                try
                {
                    using var store = new LiteDbStore(storage.Path, storage.Durable);
                    bytes = store.BackUp(target);
                }
                catch (StorageInUseException)
                {
                    bytes = await BackupSocket.AskAsync(storage.Path, target, ct);
                }
                Console.Out.WriteLine($"backed up {storage.Path} to {target} ({bytes} bytes)");
                return 0;
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine($"{storage.Path} is open in another process, which does not take backup requests "
                    + $"at {BackupSocket.PathOf(storage.Path)} ({e.Message}).");
                return 3;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"backup: {e.Message}");
                return 1;
            }
        });
        return verb;
    }
}
