using System.Diagnostics;

namespace SocialReport.Testing;

/// <summary>The host as its own process (<c>dotnet SocialReport.Host.dll</c>), as built next to a test project that references it.</summary>
public static class HostProcess
{
    /// <summary>Runs <c>SocialReport.Host.dll</c> with <paramref name="arguments"/> on the database file; its input and output are the caller's to use.</summary>
    public static Process Launch(IEnumerable<string> arguments, string database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SocialReport.Host.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Storage__Path"] = database;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }

    public static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}
