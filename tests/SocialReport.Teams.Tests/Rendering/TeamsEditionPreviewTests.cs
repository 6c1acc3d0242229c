using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Rendering;

/// <summary>What the previews show: the activities the bot sends.</summary>
public sealed class TeamsEditionPreviewTests
{
    private static readonly Edition Seed = new EditionImporter(OutletCatalog.Default).ImportFile(RepositoryFiles.Seed);

    private static IEditionPreview Preview()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddTeams();
        return builder.Build().Services.GetServices<IEditionPreview>().Single(p => p.Channel == "teams");
    }

    [Fact]
    public void The_preview_is_the_edition_card_then_each_story_card_then_each_full_text_part()
    {
        var messages = Preview().Render(Seed, "fr");

        Assert.Equal(["cover", "story", "story", "story", "story", "full", "full", "full", "full"], messages.Select(m => m.Kind));
        foreach (var message in messages)
        {
            Assert.Equal("message", message.Payload["type"]!.GetValue<string>());
            var card = Assert.Single(message.Payload["attachments"]!.AsArray())!["content"]!.AsObject();
            CardAssert.Valid(card);
        }
        var cover = messages[0].Payload["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(4, CardAssert.OfType(cover, "Action.ToggleVisibility").Count());
        Assert.Equal(TeamsJson(TeamsActivities.ForEdition(new TeamsCardRenderer(), CardFactory.Cover(Seed, "fr"),
            [.. Enumerable.Range(1, 4).Select(n => CardFactory.Story(Seed, n, "fr"))])), messages[0].Payload.ToJsonString());
    }

    [Fact]
    public void The_text_shows_what_Teams_displays()
    {
        var text = Preview().Render(Seed, "fr")[0].Text;

        Assert.StartsWith("Social Report\n6 mars 2020\n", text);
        Assert.Contains("2.\u0020WhatsApp franchit la barre des 2 milliards d’utilisateurs\n[Lire]\n▸\n  ", text);
        Assert.DoesNotContain("\\", text);
    }

    private static string TeamsJson(Teams.Protocol.Activity activity) => JsonNode.Parse(Teams.Protocol.TeamsJson.Serialize(activity))!.ToJsonString();
}
