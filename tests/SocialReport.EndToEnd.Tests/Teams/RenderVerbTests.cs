using System.Text.Json.Nodes;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>What <c>render --channel teams</c> prints: the activities the bot sends.</summary>
public sealed class RenderVerbTests
{
    [Fact]
    public async Task The_render_verb_prints_the_activities_as_json()
    {
        using var directory = new TempDirectory();

        var (exitCode, json, errors) = await HostProcess.RunAsync(["render", RepositoryFiles.Seed, "--channel", "teams", "--json"], directory.DatabaseFile);

        Assert.True(exitCode == 0, errors);
        var messages = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(9, messages.Count);
        Assert.Equal("cover", messages[0]!["kind"]!.GetValue<string>());
        Assert.Equal(ActivityAttachment.AdaptiveCardType, messages[0]!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.All(messages, m => CardAssert.Valid(m!["attachments"]![0]!["content"]!.AsObject()));
    }
}
