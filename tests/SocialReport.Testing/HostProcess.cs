using System.Diagnostics;
using System.Text;

namespace SocialReport.Testing;

/// <summary>
/// The host as its own process (<c>dotnet SocialReport.Host.dll</c>), as built next to a test project that references
/// it, on a LiteDB file of the test's; settings (<c>Section:Key</c>) reach it as environment variables.
/// </summary>
public static class HostProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>SocialReport.Host.dll</c> with <paramref name="arguments"/>; its input and output are the caller's to use.</summary>
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

    /// <summary>
    /// Runs <c>serve</c> on a free loopback port and returns once it listens: the server starts after every other
    /// hosted service, so the seed editions are in the archive by then.
    /// </summary>
    public static async Task<ServedHost> ServeAsync(string database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        return await ListeningAsync(Launch(["serve", "--urls", "http://127.0.0.1:0"], database, all));
    }

    /// <summary>
    /// Runs <c>SocialReport.Host.dll serve</c> from <paramref name="appFolder"/> (a published host) with
    /// <paramref name="workingDirectory"/> as its working directory and nothing but <paramref name="environment"/> for
    /// settings, as systemd or a container starts it; returns once it listens (an address must be among them, e.g.
    /// <c>ASPNETCORE_URLS=http://127.0.0.1:0</c>).
    /// </summary>
    public static Task<ServedHost> ServePublishedAsync(string appFolder, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "SocialReport.Host.dll"), "serve"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what the caller gives: none of the test run's own ASP.NET Core or .NET settings leak in.
        foreach (var key in start.Environment.Keys.Where(IsHostSetting).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return ListeningAsync(Process.Start(start)!);
    }

    private static bool IsHostSetting(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key is "DOTNET_ENVIRONMENT" or "DOTNET_CONTENTROOT";

    /// <summary>Waits for the host's "Now listening on:" line; kills it and throws with what it wrote if it does not come.</summary>
    private static async Task<ServedHost> ListeningAsync(Process process)
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var startup = new StringBuilder();
        void Read(string? line)
        {
            // Kept until the host listens, for the failure's message; drained after, so that a full pipe never blocks it.
            if (line is null || listening.Task.IsCompleted) return;
            lock (startup) startup.AppendLine(line);
            const string Marker = "Now listening on: ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            // The address ends the plain line, or the message's JSON string (Logging:Console:FormatterName=json).
            if (at >= 0) listening.TrySetResult(new Uri(string.Concat(line[(at + Marker.Length)..].TakeWhile(c => !char.IsWhiteSpace(c) && c != '"'))));
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(Patience)) != listening.Task)
        {
            if (!process.HasExited) await StopAsync(process);
            string message;
            lock (startup) message = $"the host did not listen (exit code {process.ExitCode}):\n{startup}";
            process.Dispose();
            throw new InvalidOperationException(message);
        }
        var address = await listening.Task;
        lock (startup) return new ServedHost(process, address, startup.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Runs a verb to its end with <paramref name="input"/> typed in: its exit code and what it wrote on each stream.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IEnumerable<string> arguments, string database, IReadOnlyDictionary<string, string>? settings = null, IEnumerable<string>? input = null)
    {
        using var process = Launch(arguments, database, settings);
        foreach (var line in input ?? []) await process.StandardInput.WriteLineAsync(line);
        process.StandardInput.Close();
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited) await StopAsync(process);
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Kills the process (SIGKILL: nothing of the host's own shutdown runs) and waits for its end.</summary>
    public static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

/// <summary>A host serving in its own process, at <see cref="Address"/>; disposing it kills it if it still runs.</summary>
public sealed class ServedHost(Process process, Uri address, IReadOnlyList<string> startup) : IDisposable
{
    public Process Process => process;

    public Uri Address => address;

    /// <summary>What the host wrote (both streams) until it listened, its "Now listening on:" line included.</summary>
    public IReadOnlyList<string> Startup => startup;

    public Task StopAsync() => HostProcess.StopAsync(process);

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
