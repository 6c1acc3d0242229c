using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SocialReport.Core.Commands;

namespace SocialReport.Teams.Tests.Manifest;

/// <summary>The Teams app package: filled by package.sh, valid against Microsoft's schemas, with proper icons.</summary>
public sealed class ManifestTests : IDisposable
{
    private const string BotId = "0b7f3c52-7a4e-4a4f-9f3e-2d7a6f1c9e11";
    private const string TeamsAppId = "5c9a1f0e-3b2d-4e6f-8a7b-9c0d1e2f3a4b";

    private static readonly string Root = RepositoryFiles.Root;
    private static readonly string ManifestDir = Path.Combine(Root, "bot-manifests", "teams");
    private static readonly string ValidatorDir = Path.Combine(Root, "tests", "SocialReport.Teams.Tests", "ManifestValidation");
    private static readonly Lazy<bool> NodeModules = new(InstallValidator);

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void The_package_holds_the_filled_manifest_its_translation_and_icons()
    {
        var zip = Package();

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "fr.json", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(File.ReadAllText(Extract(zip, "unzipped")["manifest.json"]))!;
        Assert.Equal(TeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_filled_manifest_is_valid_against_the_official_schema()
    {
        var files = Extract(Package(), "valid");

        var (exit, output) = Validate(files["manifest.json"]);

        Assert.True(exit == 0, output);
        Assert.Contains("valid", output);
    }

    [Fact]
    public void The_validator_catches_a_broken_manifest()
    {
        var files = Extract(Package(), "broken");
        var manifest = JsonNode.Parse(File.ReadAllText(files["manifest.json"]))!.AsObject();
        manifest.Remove("developer");
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = new string('x', 40);
        File.WriteAllText(files["manifest.json"], manifest.ToJsonString());

        var (exit, output) = Validate(files["manifest.json"]);

        Assert.NotEqual(0, exit);
        Assert.Contains("developer", output);
        Assert.Contains("/bots/0/commandLists/0/commands/0/title", output);
    }

    [Fact]
    public void The_template_is_not_valid_until_filled()
    {
        var (exit, output) = Validate(Path.Combine(ManifestDir, "manifest.json"));

        Assert.NotEqual(0, exit);
        Assert.Contains("/id", output);
    }

    [Fact]
    public void The_manifest_has_the_bot_in_every_scope_with_the_reader_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal("1.17", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(bot["isNotificationOnly"]!.GetValue<bool>());
        var personal = bot["commandLists"]![0]!;
        Assert.Equal(["personal"], personal["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(Phrases.En.Commands.Select(c => c.Name), personal["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        var shared = bot["commandLists"]![1]!;
        Assert.Equal(["team", "groupChat"], shared["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("subscribe", shared["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void The_French_translation_describes_every_command()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!;
        var french = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "fr.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        for (var l = 0; l < lists.Count; l++)
        {
            for (var c = 0; c < lists[l]!["commands"]!.AsArray().Count; c++)
                Assert.True(french.ContainsKey($"bots[0].commandLists[{l}].commands[{c}].description"), $"no French for list {l} command {c}");
        }
        Assert.Contains("réseaux sociaux", french["name.full"]!.GetValue<string>());
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square()
    {
        var icon = PngImage.Read(Path.Combine(ManifestDir, "color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_white_on_transparent()
    {
        var icon = PngImage.Read(Path.Combine(ManifestDir, "outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(6, icon.ColorType); // RGBA
        var pixels = icon.Pixels().ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Packaging_refuses_an_app_id_that_is_not_a_GUID()
    {
        var (exit, output) = Run("bash", [Path.Combine(ManifestDir, "package.sh"), _work.File("x.zip")], ManifestDir,
            new() { ["BOT_ID"] = "my-bot", ["BOT_DOMAIN"] = "bot.example.org" });

        Assert.Equal(2, exit);
        Assert.Contains("BOT_ID is not a GUID", output);
        Assert.False(File.Exists(_work.File("x.zip")));
    }

    private string Package()
    {
        var zip = _work.File("socialreport-teams.zip");
        var (exit, output) = Run("bash", [Path.Combine(ManifestDir, "package.sh"), zip], ManifestDir, new()
        {
            ["BOT_ID"] = BotId,
            ["TEAMS_APP_ID"] = TeamsAppId,
            ["BOT_DOMAIN"] = "bot.example.org",
        });
        Assert.True(exit == 0, output);
        return zip;
    }

    private Dictionary<string, string> Extract(string zip, string folder)
    {
        var target = _work.File(folder);
        ZipFile.ExtractToDirectory(zip, target);
        return Directory.GetFiles(target).ToDictionary(f => Path.GetFileName(f), f => f);
    }

    private static (int Exit, string Output) Validate(string manifestPath)
    {
        Assert.True(NodeModules.Value);
        return Run("node", [Path.Combine(ValidatorDir, "validate.mjs"), manifestPath], ValidatorDir);
    }

    /// <summary>The validator's packages are installed from its lock file the first time, never committed.</summary>
    private static bool InstallValidator()
    {
        if (Directory.Exists(Path.Combine(ValidatorDir, "node_modules", "@microsoft", "app-manifest")))
            return true;
        var (exit, output) = Run("npm", ["ci", "--no-audit", "--no-fund"], ValidatorDir);
        return exit == 0 ? true : throw new InvalidOperationException("npm ci failed: " + output);
    }

    private static (int Exit, string Output) Run(string program, IEnumerable<string> arguments, string directory, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 5 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
