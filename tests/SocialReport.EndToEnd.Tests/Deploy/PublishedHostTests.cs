using System.Net;
using System.Text.Json;
using SocialReport.Storage.LiteDb;

namespace SocialReport.EndToEnd.Tests.Deploy;

/// <summary>The published host started as systemd or a container does: from another directory, with environment variables only.</summary>
public sealed class PublishedHostTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public async Task Serves_its_pages_from_any_working_directory_at_the_address_ASPNETCORE_URLS_gives_without_the_samples()
    {
        using var elsewhere = new TempDirectory();
        using (var host = await HostProcess.ServePublishedAsync(app.Folder, elsewhere.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }))
        {
            Assert.Equal(IPAddress.Loopback.ToString(), host.Address.Host);
            using var http = new HttpClient { BaseAddress = host.Address };
            foreach (var path in new[] { "/", "/try", "/healthz", "/js/try.js" })
            {
                using var response = await http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await host.StopAsync();
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
        Assert.True(File.Exists(app.DefaultDatabase), "the data file is not under the app's folder");
        using var store = new LiteDbStore(app.DefaultDatabase);
        Assert.Equal(0, new LiteDbEditionArchive(store, TimeProvider.System).Count());
    }

    [Fact]
    public async Task Logs_one_JSON_object_a_line_when_Logging_Console_FormatterName_is_json()
    {
        using var elsewhere = new TempDirectory();
        using var host = await HostProcess.ServePublishedAsync(app.Folder, elsewhere.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Storage__Path"] = elsewhere.DatabaseFile,
            ["Logging__Console__FormatterName"] = "json",
        });
        await host.StopAsync();

        var lines = host.Startup.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(lines, line => line.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && line.GetProperty("Message").GetString()!.StartsWith("Now listening on: http://127.0.0.1:", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(line.TryGetProperty("LogLevel", out _)));
    }
}
