using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>A Teams reader who follows a topic, through the reader's own commands and a broadcast to the fake connector.</summary>
public sealed class FollowBroadcastTests(FakeBotFramework botFramework) : TeamsBotTests(botFramework)
{
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);

    [Fact]
    public async Task A_reader_following_whatsapp_in_topics_mode_gets_the_whatsapp_story_alone_and_nothing_of_an_edition_without_it()
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/suivre whatsapp"));
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/mode sujets"));
        Assert.Equal(["whatsapp"], _bot.Chats.Get(Personal)!.Topics);
        Assert.Equal(TopicMode.Topics, _bot.Chats.Get(Personal)!.Mode);
        _bot.Sent();
        _fake.ConnectorRequests.Clear();
        var broadcasts = _bot.Services.GetRequiredService<BroadcastService>();

        var plan = broadcasts.Plan("2020-03-06", force: false)!.Channels.Single(c => c.Channel == "teams");
        Assert.Equal((1, 0, 1), (plan.ByTopics, plan.TopicsSkipped, plan.ToSend));
        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        var summary = await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((BroadcastState.Completed, 1), (summary!.State, summary.Sent));

        var card = Assert.Single(Assert.Single(_bot.Sent()).Cards);
        var texts = CardAssert.Texts(card).Select(CardAssert.Plain).ToList();
        Assert.Contains("★ 2. WhatsApp franchit la barre des 2 milliards d’utilisateurs", texts);
        Assert.DoesNotContain(texts, t => t.Contains("L’Europe dévoile", StringComparison.Ordinal));
        Assert.Contains("Sur les sujets que vous suivez : 1 article sur 4.", texts);
        Assert.Equal("Pour ne plus recevoir le Social Report : /stop", texts[^1]);
        var whole = Assert.Single(CardAssert.OfType(card, "Action.Submit"), a => a["title"]!.GetValue<string>() == "Toute l’édition (4 articles)");
        Assert.Equal("/cover 2020-03-06", whole["data"]!["command"]!.GetValue<string>());

        _fake.ConnectorRequests.Clear();
        Assert.Equal((0, 1, 0), Counts(broadcasts.Plan("2020-03-13", force: false)!));
        start = await broadcasts.StartAsync("2020-03-13", force: false, requestedBy: "test");
        summary = await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((BroadcastState.Completed, 0), (summary!.State, summary.Sent));
        Assert.Empty(_bot.Sent());
    }

    [Fact]
    public async Task A_reader_in_all_mode_gets_the_whole_edition_with_the_followed_story_first_and_how_to_leave()
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/lang en"));
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/follow whatsapp"));
        _bot.Sent();
        _fake.ConnectorRequests.Clear();
        var broadcasts = _bot.Services.GetRequiredService<BroadcastService>();

        var start = await broadcasts.StartAsync("2020-03-06", force: false, requestedBy: "test");
        await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));

        var card = Assert.Single(Assert.Single(_bot.Sent()).Cards);
        var headlines = CardAssert.Texts(card).Select(CardAssert.Plain).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^(★ )?\d\. ")).ToList();
        Assert.Equal(4, headlines.Count);
        Assert.StartsWith("★ 2. WhatsApp", headlines[0]);
        Assert.StartsWith("1. L’Europe", headlines[1]);
        Assert.Equal("To stop receiving the Social Report: /stop", CardAssert.Plain(CardAssert.Texts(card).Last()));
    }

    private static (int, int, int) Counts(BroadcastPlan plan)
    {
        var teams = plan.Channels.Single(c => c.Channel == "teams");
        return (teams.ByTopics, teams.TopicsSkipped, teams.ToSend);
    }

}
