using System.Diagnostics;
using System.Reflection;

namespace SocialReport.EndToEnd.Tests.Deploy;

/// <summary>
/// The host as an operator deploys it: <c>dotnet publish</c> into a folder of its own, once per test class. It publishes
/// the build these tests reference (<c>--no-build</c>, same configuration), so it adds seconds, not a second build.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("socialreport-published-");

    public string Folder => _directory.Path;

    /// <summary>The LiteDB file a host started without <c>Storage:Path</c> uses: under the app's folder.</summary>
    public string DefaultDatabase => Path.Combine(Folder, "data", "socialreport.db");

    public async Task InitializeAsync()
    {
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryFiles.Root, "src", "SocialReport.Host", "SocialReport.Host.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "--nologo", "-o", Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!;
        var (output, errors) = (publish.StandardOutput.ReadToEndAsync(), publish.StandardError.ReadToEndAsync());
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
