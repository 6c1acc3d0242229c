using System.CommandLine;
using SocialReport.Storage.LiteDb;
using SocialReport.Storage.PostgreSql;

namespace SocialReport.Host.Cli;

/// <summary>
/// Copies a LiteDB file into a PostgreSQL database: what the target already has is kept, so running it again (after an
/// interruption, or to be sure) adds nothing twice. Run it with the hosts stopped: the file is locked meanwhile.
/// </summary>
internal static class MigrateStorageVerb
{
    public static Command Build()
    {
        var from = new Option<FileInfo>("--from") { Description = "The LiteDB file to copy.", Required = true };
        var to = new Option<string>("--to") { Description = "The PostgreSQL database, as an Npgsql connection string.", Required = true };
        var verb = new Command("migrate-storage", "Copy a LiteDB file into a PostgreSQL database (idempotent).") { from, to };
        verb.SetAction(parse =>
        {
            var file = parse.GetValue(from)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file");
                return 1;
            }
            using var source = new LiteDbStore(file.FullName);
            using var target = new PostgreSqlStore(parse.GetValue(to)!);
            var export = new LiteDbExport(source);
            var import = new PostgreSqlImport(target);
            (string What, int Added)[] copied =
            [
                ("edition revisions", import.Revisions(export.Revisions())),
                ("chats", import.Chats(export.Chats())),
                ("inbox updates", import.Inbox(export.Inbox())),
                ("broadcast requests", import.Requests(export.Requests())),
                ("broadcasts", import.Broadcasts(export.Broadcasts())),
                ("delivery rows", import.Rows(export.Rows())),
                ("schedules", import.Schedules(export.Schedules())),
            ];
            Console.Out.WriteLine("copied: " + string.Join(", ", copied.Select(c => $"{c.Added} {c.What}")));
            return 0;
        });
        return verb;
    }
}
