namespace SocialReport.Host.Tests;

/// <summary>A setting that would leave the bot open stops <c>serve</c> before it listens: one line on stderr, exit code 2.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task Teams_unauthenticated_mode_outside_Development_stops_serve_with_one_line()
    {
        using var directory = new TempDirectory();

        var (exitCode, _, errors) = await HostProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], directory.DatabaseFile,
            new Dictionary<string, string> { ["Teams:AllowUnauthenticated"] = "true", ["Storage:SeedDirectory"] = "" });

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "configuration: Teams:AllowUnauthenticated is refused in the Production environment: it is for local emulators in Development only.",
            errors.Trim());
    }
}
