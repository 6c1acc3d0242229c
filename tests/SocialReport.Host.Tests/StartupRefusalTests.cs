using SocialReport.Testing;

namespace SocialReport.Host.Tests;

/// <summary>A setting that would leave the bot open stops <c>serve</c> before it listens: one line on stderr, exit code 2.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task Teams_unauthenticated_mode_outside_Development_stops_serve_with_one_line()
    {
        var directory = Directory.CreateTempSubdirectory("socialreport-refusal-").FullName;
        try
        {
            using var host = HostProcess.Launch(["serve", "--urls", "http://127.0.0.1:0"], Path.Combine(directory, "socialreport.db"),
                new Dictionary<string, string> { ["Teams:AllowUnauthenticated"] = "true", ["Storage:SeedDirectory"] = "" });
            host.StandardInput.Close();
            var (output, errors) = (host.StandardOutput.ReadToEndAsync(), host.StandardError.ReadToEndAsync());
            try
            {
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                if (!host.HasExited) await HostProcess.StopAsync(host);
            }

            Assert.Equal(2, host.ExitCode);
            Assert.Equal(
                "configuration: Teams:AllowUnauthenticated is refused in the Production environment: it is for local emulators in Development only.",
                (await errors).Trim());
            await output;
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
