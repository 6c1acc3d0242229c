using System.Diagnostics;
using System.Reflection;

namespace SocialReport.EndToEnd.Tests.Deploy;

/// <summary>
/// The host as an operator deploys it: <c>dotnet publish</c> into a folder of its own, once per test class. It publishes
/// the build these tests reference (<c>--no-build</c>, same configuration), so it adds seconds, not a second build; for
/// that, without ReadyToRun (which compiles for a runtime identifier, i.e. a build of its own): the same files, their
/// code compiled at run time.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("socialreport-published-");

    public string Folder => _directory.Path;

    /// <summary>The LiteDB file a host started without <c>Storage:Path</c> uses: under the app's folder.</summary>
    public string DefaultDatabase => Path.Combine(Folder, "data", "socialreport.db");

    public Task InitializeAsync() => PublishAsync(Folder, "--no-build", "-p:PublishReadyToRun=false");

    /// <summary>Runs <c>dotnet publish</c> of the host, in the configuration of these tests, into <paramref name="folder"/>.</summary>
    public static async Task PublishAsync(string folder, params string[] options)
    {
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryFiles.Root, "src", "SocialReport.Host", "SocialReport.Host.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--nologo", "-o", folder, .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!;
        var (output, errors) = (publish.StandardOutput.ReadToEndAsync(), publish.StandardError.ReadToEndAsync());
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
