using System.Diagnostics;

namespace SocialReport.Testing.Storage;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>SOCIALREPORT_TEST_POSTGRES</c> (an Npgsql connection
/// string; ./test.sh starts one with tools/postgres.sh and sets it). Without it, the tests start the throwaway
/// cluster themselves with the same script, and stop it when they end, unless it was already running; under
/// <c>CI=true</c> a missing server is a failure, never a silent skip.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "SOCIALREPORT_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Find);

    public static string ConnectionString => Server.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts PostgreSQL (tools/postgres.sh).");

        var (running, _) = Script("env");
        var (started, output) = Script("start");
        if (!started) throw new InvalidOperationException($"tools/postgres.sh start failed: {output}");
        if (!running) AppDomain.CurrentDomain.ProcessExit += (_, _) => Script("stop");
        return output.Trim();
    }

    private static (bool Ok, string Output) Script(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryFiles.Root, "tools", "postgres.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode == 0, process.ExitCode == 0 ? output.Result : error.Result + output.Result);
    }
}
