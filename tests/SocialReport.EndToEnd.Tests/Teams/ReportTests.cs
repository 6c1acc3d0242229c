using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>/report in Teams: the summary on a card with a signed link to the CSV (Teams takes no file from a bot here).</summary>
public sealed class ReportTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>
{
    private static readonly ChannelAccount Editor = TestActivities.User with { AadObjectId = TeamsBotHost.EditorAadObjectId, Id = "29:editor" };

    [Fact]
    public async Task The_report_card_links_to_the_csv_which_the_link_alone_downloads()
    {
        await using var fake = botFramework.Start();
        using var bot = new TeamsBotHost(fake, new Dictionary<string, string?> { ["Web:PublicUrl"] = "https://bot.example.org" });
        await bot.SendAsync(TestActivities.BotAddedPersonal(fake.ServiceUrl) with { From = Editor });
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        fake.ConnectorRequests.Clear();

        await bot.SendAsync(TestActivities.PersonalMessage(fake.ServiceUrl, $"/report {start.Broadcast.Id}") with { From = Editor });

        var card = Assert.Single(bot.Sent());
        Assert.Contains(card.Texts, text => text.StartsWith($"Rapport de {start.Broadcast.Id}", StringComparison.Ordinal));
        var open = Assert.Single(card.Cards.SelectMany(c => CardAssert.OfType(c, "Action.OpenUrl")));
        Assert.Equal("Télécharger le CSV (24 h)", open["title"]!.GetValue<string>());
        var link = new Uri(open["url"]!.GetValue<string>());
        Assert.StartsWith("https://bot.example.org/reports/", link.AbsoluteUri, StringComparison.Ordinal);
        using var client = bot.CreateClient();
        using var csv = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReportCsv.Header, lines[0]);
        Assert.Equal(bot.Services.GetRequiredService<IDeliveryLedger>().Counts(start.Broadcast.Id).Total, lines.Length - 1);
    }
}
