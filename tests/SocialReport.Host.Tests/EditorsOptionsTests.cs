using Microsoft.Extensions.Configuration;
using SocialReport.Core.Commands;
using SocialReport.Teams;
using SocialReport.Telegram;

namespace SocialReport.Host.Tests;

/// <summary>Editor ids that cannot be anyone's, the example file's placeholders first, stop the host at start-up.</summary>
public sealed class EditorsOptionsTests
{
    private static readonly EditorsOptionsValidator Validator = new([TelegramChannel.Settings, TeamsChannel.Settings]);

    [Theory]
    [InlineData("<your Telegram user id>", "is a placeholder")]
    [InlineData("123456789", "is a placeholder")]
    [InlineData("0", "is a placeholder")]
    [InlineData("12ab", "is not a Telegram user id")]
    [InlineData("-42", "is not a Telegram user id")]
    [InlineData("", "is not a Telegram user id")]
    public void Telegram_ids_must_be_real_numbers(string id, string reason)
    {
        var result = Validator.Validate(null, new EditorsOptions { ["Telegram"] = [id] });
        Assert.True(result.Failed);
        Assert.StartsWith($"Admins:Telegram: \"{id}\" {reason}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<your Entra object id>", "is a placeholder")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is a placeholder")]
    [InlineData("editor-name", "is not an Entra object id")]
    public void Teams_ids_must_be_real_guids(string id, string reason)
    {
        var result = Validator.Validate(null, new EditorsOptions { ["Teams"] = [id] });
        Assert.True(result.Failed);
        Assert.StartsWith($"Admins:Teams: \"{id}\" {reason}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_ids_pass()
    {
        var result = Validator.Validate(null, new EditorsOptions { ["Telegram"] = ["5001"], ["Teams"] = ["e0d1c2b3-a4f5-4e6d-8c7b-9a0817263544"], ["Console"] = ["admin"] });
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_example_files_editors_are_refused_as_they_are()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryFiles.Root, "appsettings.example.json")).Build();
        var editors = example.GetSection(EditorsOptions.SectionName).Get<EditorsOptions>()!;

        var failures = Validator.Validate(null, editors).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Admins:Telegram: ", StringComparison.Ordinal) && f.Contains("placeholder", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Admins:Teams: ", StringComparison.Ordinal) && f.Contains("placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_refuses_to_start_on_a_placeholder_with_one_line()
    {
        using var directory = new TempDirectory();

        var (exitCode, _, errors) = await HostProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], directory.DatabaseFile,
            new Dictionary<string, string> { ["Admins:Telegram:0"] = "<your Telegram user id>" });

        Assert.Equal(2, exitCode);
        Assert.Equal("configuration: Admins:Telegram: \"<your Telegram user id>\" is a placeholder: put your numeric Telegram user id, or remove it.",
            errors.Trim());
    }
}
