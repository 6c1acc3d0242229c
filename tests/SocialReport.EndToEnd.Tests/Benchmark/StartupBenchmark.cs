using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SocialReport.EndToEnd.Tests.Deploy;
using SocialReport.Storage.LiteDb;


namespace SocialReport.EndToEnd.Tests.Benchmark;

/// <summary>
/// Time from launching <c>serve</c> to <c>/readyz</c> answering 200, on a LiteDB archive of 1 000 editions (4 000 stories):
/// the first start (the search index built from the whole archive) and restarts (the index kept beside the store), then
/// starts on an empty store. The host is published first as operators publish it (<c>dotnet publish -c Release</c>,
/// ReadyToRun), a build of its own:
/// <code>SOCIALREPORT_BENCHMARK=1 dotnet test tests/SocialReport.EndToEnd.Tests -c Release --filter "FullyQualifiedName~StartupBenchmark" --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Benchmark")]
public sealed partial class StartupBenchmark(ITestOutputHelper output)
{
    private const int Editions = 1_000;
    private const int Restarts = 5;
    private const int EmptyStarts = 3;

    [BenchmarkFact]
    public async Task Ready_on_an_archive_of_a_thousand_editions()
    {
        using var app = new TempDirectory("socialreport-published-");
        await PublishedApp.PublishAsync(app.Path);
        using var directory = new TempDirectory();
        var database = directory.DatabaseFile;
        using (var store = new LiteDbStore(database))
        {
            var archive = new LiteDbEditionArchive(store, TimeProvider.System);
            foreach (var edition in WeeklyArchive.Before(SeedEdition.Build(), Editions)) archive.Publish(edition);
        }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var (firstReady, firstListening, firstPeak, firstCpu, firstIndex) = await StartAsync(app.Path, directory.Path, database);
        var restarts = new List<(double Ready, double Listening, double PeakMb, double Cpu, string Index)>();
        for (var i = 0; i < Restarts; i++) restarts.Add(await StartAsync(app.Path, directory.Path, database));
        var empty = new List<(double Ready, double Listening, double PeakMb, double Cpu, string Index)>();
        for (var i = 0; i < EmptyStarts; i++) empty.Add(await StartAsync(app.Path, directory.Path, directory.File("empty.db")));
        var times = restarts.Select(r => r.Ready).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Editions} editions: first start (search index built in {firstIndex} ms) ready in {firstReady:F2} s (listening at {firstListening:F2} s, CPU {firstCpu:F2} s, peak {firstPeak:F0} MB); "
            + $"{Restarts} restarts (index kept beside the store): ready in {string.Join(", ", restarts.Select(r => r.Ready.ToString("F2", CultureInfo.InvariantCulture)))} s "
            + $"(median {times[times.Count / 2]:F2} s, listening at {restarts.Select(r => r.Listening).Order().ElementAt(Restarts / 2):F2} s), "
            + $"index opened in {string.Join(", ", restarts.Select(r => r.Index))} ms, CPU until ready {string.Join(", ", restarts.Select(r => r.Cpu.ToString("F2", CultureInfo.InvariantCulture)))} s, "
            + $"peak working set {restarts.Max(r => r.PeakMb):F0} MB; "
            + $"an empty store: ready in {string.Join(", ", empty.Select(r => r.Ready.ToString("F2", CultureInfo.InvariantCulture)))} s, "
            + $"CPU {string.Join(", ", empty.Select(r => r.Cpu.ToString("F2", CultureInfo.InvariantCulture)))} s; {Environment.ProcessorCount} cores, load average {load} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after"));
    }

    /// <summary>Launches the published host, waits for <c>/readyz</c> 200 (asked every 10 ms), kills it: seconds to
    /// listening and to ready, the host's CPU time until ready, and the milliseconds the search index took, as it logs them.</summary>
    private static async Task<(double Ready, double Listening, double PeakMb, double Cpu, string Index)> StartAsync(string app, string workingDirectory, string database)
    {
        var clock = Stopwatch.StartNew();
        using var host = await HostProcess.ServePublishedAsync(app, workingDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Storage__Path"] = database,
            ["Storage__SeedDirectory"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SocialReport.Core.Search"] = "Information",
        });
        var listening = clock.Elapsed.TotalSeconds;
        using var http = new HttpClient { BaseAddress = host.Address };
        try
        {
            while (true)
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode) break;
                await Task.Delay(10);
            }
            var ready = clock.Elapsed.TotalSeconds;
            host.Process.Refresh();
            var index = host.Startup.Select(line => IndexOpened().Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
            return (ready, listening, host.Process.PeakWorkingSet64 / 1048576.0, host.Process.TotalProcessorTime.TotalSeconds, index);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [GeneratedRegex(@"indexed at start-up in (\d+) ms")]
    private static partial Regex IndexOpened();
}
