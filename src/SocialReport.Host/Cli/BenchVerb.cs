using System.CommandLine;
using System.Diagnostics;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Core.Search;

namespace SocialReport.Host.Cli;

/// <summary>
/// Measures what the issues set targets for: import + render of an edition, and /topic and /search over a large archive.
/// Run it from a Release build: <c>dotnet run -c Release --project src/SocialReport.Host -- bench</c>.
/// </summary>
internal static class BenchVerb
{
    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Option<FileInfo>("--edition")
        {
            Description = "The edition to import and render (default: the seed edition, from src/SocialReport.Host).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "..", "editions", "2020-03-06-social-report.txt")),
        };
        var editions = new Option<int>("--editions") { Description = "Editions in the archive searched.", DefaultValueFactory = _ => 1000 };
        var iterations = new Option<int>("--iterations") { Description = "Measured runs of each operation.", DefaultValueFactory = _ => 300 };
        var verb = new Command("bench", "Measure import + render, and /topic and /search over a large archive (median, p99, allocations, memory).")
        {
            file, editions, iterations,
        };
        verb.SetAction(async (parse, ct) =>
        {
            var runs = parse.GetValue(iterations);
            ImportAndRender(parse.GetValue(file)!.FullName, runs, configure);
            await SearchAsync(parse.GetValue(file)!.FullName, parse.GetValue(editions), runs, configure, ct);
            return 0;
        });
        return verb;
    }

    private static void ImportAndRender(string path, int runs, Action<IHostApplicationBuilder>? configure)
    {
        using var host = CliHost.Build(configure);
        var importer = host.Services.GetRequiredService<EditionImporter>();
        var previews = host.Services.GetServices<IEditionPreview>().ToList();
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        void Once()
        {
            var edition = importer.Import(name, bytes);
            foreach (var preview in previews) preview.Render(edition, edition.Language);
        }
        Report($"import + render ({string.Join(", ", previews.Select(p => p.Channel))}) of {name}", Measure(Once, runs));
    }

    private static async Task SearchAsync(string path, int count, int runs, Action<IHostApplicationBuilder>? configure, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("socialreport-bench");
        try
        {
            KeyValuePair<string, string?>[] settings = [new("Storage:Path", Path.Combine(directory.FullName, "bench.db")), new("Storage:SeedDirectory", ""),
                new("Commands:PerChatPerMinute", "10000"),
                // Each question searched every time: what the index costs, not what its kept pages save.
                new("Search:CachedPages", "0")];
            Edition seed;
            using (var first = CliHost.Build(configure, settings))
            {
                seed = first.Services.GetRequiredService<EditionImporter>().ImportFile(path);
                var archive = first.Services.GetRequiredService<IEditionArchive>();
                var published = Stopwatch.StartNew();
                foreach (var edition in Weeks(seed, count)) archive.Publish(edition);
                Console.Out.WriteLine($"archive: {count} editions published in {published.Elapsed.TotalSeconds:F1} s");
                var built = Stopwatch.StartNew();
                first.Services.GetRequiredService<IStoryIndex>();
                Console.Out.WriteLine($"search index built from the whole archive in {built.Elapsed.TotalSeconds:F2} s");
            }

            // A restart: the index kept beside the store only checks the archive's hashes.
            using var host = CliHost.Build(configure, settings);
            var services = host.Services;
            var clock = Stopwatch.StartNew();
            var index = services.GetRequiredService<IStoryIndex>();
            Console.Out.WriteLine($"search index opened at a restart and checked against the archive in {clock.Elapsed.TotalSeconds:F2} s");

            var engine = services.GetRequiredService<CommandEngine>();
            string[] topics = ["whatsapp", "reseaux sociaux", "europe", "influenceur", "facebook messenger", "dior", "chiffrement"];
            foreach (var (command, label) in new[] { ("/topic", "/topic"), ("/search", "/search") })
            {
                var i = 0;
                var samples = Measure(() =>
                {
                    var inbound = new Inbound
                    {
                        Chat = new ChatKey(ConsoleChat.Channel, "bench"),
                        ChatKind = ChatKind.Private,
                        Sender = new Sender("bench"),
                        Text = $"{command} {topics[i++ % topics.Length]}",
                    };
                    engine.HandleAsync(inbound, ct).GetAwaiter().GetResult();
                }, runs);
                Report($"{label} over {count} editions ({count * seed.Stories.Count} stories)", samples);
            }
            GC.KeepAlive(index);
            Console.Out.WriteLine($"memory: managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB, working set {Environment.WorkingSet / 1048576.0:F0} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
        await Task.CompletedTask;
    }

    /// <summary>The seed edition again, one week apart, so the archive holds <paramref name="count"/> editions.</summary>
    private static IEnumerable<Edition> Weeks(Edition seed, int count)
    {
        for (var week = 0; week < count; week++)
        {
            var date = seed.Date.AddDays(-7 * week);
            var id = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            yield return seed with
            {
                Id = id,
                Date = date,
                Stories = [.. seed.Stories.Select(s => s with { Id = $"{id}/{s.Number}", Text = s.Text + $"\n\nSemaine {week}." })],
            };
        }
    }

    private sealed record Sample(TimeSpan Elapsed, long Allocated);

    private static List<Sample> Measure(Action operation, int runs)
    {
        for (var i = 0; i < Math.Min(20, runs); i++) operation();
        var samples = new List<Sample>(runs);
        for (var i = 0; i < runs; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            operation();
            samples.Add(new Sample(Stopwatch.GetElapsedTime(start), GC.GetAllocatedBytesForCurrentThread() - allocated));
        }
        return samples;
    }

    private static void Report(string what, List<Sample> samples)
    {
        var times = samples.Select(s => s.Elapsed.TotalMilliseconds).Order().ToList();
        var allocations = samples.Select(s => s.Allocated).Order().ToList();
        Console.Out.WriteLine($"{what}: median {times[times.Count / 2]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms, "
            + $"allocated {allocations[allocations.Count / 2] / 1024.0:F0} KB per run ({samples.Count} runs)");
    }
}
