using System.Net;
using System.Text.RegularExpressions;
using SocialReport.Host.Tests.Web;
using YamlDotNet.RepresentationModel;

namespace SocialReport.Host.Tests;

/// <summary>Docker is not on the test machines: the Dockerfile and compose.yaml are checked against the host instead.</summary>
public sealed class ContainerFilesTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Dockerfile"));

    private static string Find(string pattern) =>
        Regex.Match(Dockerfile, pattern, RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"Dockerfile: nothing matches {pattern}");

    [Fact]
    public async Task The_health_check_asks_the_port_the_image_listens_on_for_a_path_the_host_answers()
    {
        var exposed = Find(@"^EXPOSE (\d+)\s*$");
        var listening = Find(@"ASPNETCORE_HTTP_PORTS=(\d+)");
        var check = Find(@"^\s*CMD curl [^\n]*(http://localhost:\d+/\S*)");
        var address = new Uri(check);

        Assert.Equal(exposed, listening);
        Assert.Equal(exposed, address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var site = new WebSite();
        using var response = await site.CreateClient().GetAsync(address.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/healthz", address.AbsolutePath);
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_with_its_data_in_the_volume()
    {
        var users = Regex.Matches(Dockerfile, @"^USER (\S+)\s*$", RegexOptions.Multiline);
        Assert.NotEmpty(users);
        Assert.DoesNotMatch("^(root|0)$", users[^1].Groups[1].Value);
        var volume = Find(@"^VOLUME (\S+)\s*$");
        Assert.StartsWith(volume + "/", Find(@"Storage__Path=(\S+)"), StringComparison.Ordinal);
        Assert.Equal(["dotnet", "SocialReport.Host.dll", "serve"], Regex.Matches(Find(@"^ENTRYPOINT \[(.*)\]\s*$"), "\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Compose_publishes_the_port_the_image_listens_on_and_keeps_the_data_in_volumes()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "compose.yaml"))));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var host = (YamlMappingNode)services["socialreport"];
        var port = ((YamlSequenceNode)host["ports"]).Children.Select(p => ((YamlScalarNode)p).Value!).Single();
        var volumes = ((YamlSequenceNode)host["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!);

        Assert.EndsWith(":" + Find(@"^EXPOSE (\d+)\s*$"), port, StringComparison.Ordinal);
        Assert.Contains(volumes, v => v.EndsWith(":" + Find(@"^VOLUME (\S+)\s*$"), StringComparison.Ordinal));
        Assert.True(services.Children.ContainsKey("postgres"), "compose.yaml has no postgres service");
    }
}
