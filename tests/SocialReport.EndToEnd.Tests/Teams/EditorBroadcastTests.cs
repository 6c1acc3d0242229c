using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>An editor broadcasts from their personal chat: the plan's buttons, then one status card updated in place.</summary>
public sealed class EditorBroadcastTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private const string ConversationPath = "/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities";
    private const int Readers = 20;
    private const string SlowReader = "a:reader-19";
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);
    private static readonly ChannelAccount Editor = TestActivities.User with { AadObjectId = TeamsBotHost.EditorAadObjectId, Id = "29:editor" };

    private FakeConnector _fake = null!;
    private TeamsBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = botFramework.Start();
        // About two seconds of sending at 10 a second, with a status every 300 ms (the test waits on requests, not on time).
        _bot = new TeamsBotHost(_fake, new Dictionary<string, string?>
        {
            ["Delivery:Teams:MessagesPerSecond"] = "10",
            ["Delivery:ProgressInterval"] = "00:00:00.300",
        });
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service) with { From = Editor });
        for (var i = 0; i < Readers; i++) Subscribe($"a:reader-{i.ToString("00", CultureInfo.InvariantCulture)}");
        _fake.ConnectorRequests.Clear();
    }

    public async Task DisposeAsync()
    {
        _bot.Sent(); // every card the bot sent: version 1.5, allowed elements, size
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private string Service => _fake.ServiceUrl;

    private BroadcastService Broadcasts => _bot.Services.GetRequiredService<BroadcastService>();

    private IChatNotifier Notifier => _bot.Services.GetServices<IChatNotifier>().Single(n => n.Channel == "teams");

    private void Subscribe(string conversationId) => _bot.Chats.Save(new Chat
    {
        Key = new ChatKey("teams", conversationId),
        Kind = ChatKind.Private,
        Language = "fr",
        State = SubscriptionState.Active,
        SubscribedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Address = new ConversationReference
        {
            ServiceUrl = Service, ConversationId = conversationId, ConversationType = "personal", TenantId = TestIds.TenantId,
            BotId = TestIds.BotId, BotName = TestIds.BotName, UserId = "29:" + conversationId,
        }.ToJson(),
    });

    private Task EditorSaysAsync(string text) => _bot.SendAsync(TestActivities.PersonalMessage(Service, text) with { From = Editor });

    private Task EditorPressesAsync(string command) => _bot.SendAsync(TestActivities.ButtonPressed(Service, command) with { From = Editor });

    /// <summary>The plan card, and the command of each of its Action.Submit buttons by title.</summary>
    private async Task<(SentActivity Plan, Dictionary<string, string> Buttons)> PlanAsync()
    {
        await EditorSaysAsync("/broadcast 2020-03-06");
        var plan = Assert.Single(_bot.Sent());
        _fake.ConnectorRequests.Clear();
        var buttons = CardAssert.OfType(plan.Cards[0], "Action.Submit")
            .ToDictionary(b => b["title"]!.GetValue<string>(), b => b["data"]!["command"]!.GetValue<string>());
        return (plan, buttons);
    }

    private int StatusRequests() => _fake.ConnectorRequests.Count(r => r.RawTarget.StartsWith(ConversationPath, StringComparison.Ordinal)
        && r.Body.Contains("Diffusion 2020-03-06#1 en cours", StringComparison.Ordinal));

    [Fact]
    public async Task Confirm_starts_it_and_one_status_card_is_posted_then_updated_in_place_until_the_summary()
    {
        var (plan, buttons) = await PlanAsync();
        Assert.Contains(plan.Texts, t => t.Contains("teams : 21 privées, 0 groupe, 0 canal ; 0 déjà servie, 21 à envoyer", StringComparison.Ordinal));
        Assert.Equal("/confirm", buttons["Confirmer"]);
        Assert.Equal("/cancel", buttons["Annuler"]);

        // The last reader's delivery hangs: meanwhile the status card is posted, then updated at least twice.
        _fake.Hold(SlowReader);
        await EditorPressesAsync(buttons["Confirmer"]);
        await _fake.UntilAsync(() => StatusRequests() >= 3).WaitAsync(TimeSpan.FromSeconds(60));
        _fake.Release(SlowReader);
        var summary = await Broadcasts.WaitAsync("2020-03-06#1").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((BroadcastState.Completed, 21), (summary!.State, summary.Sent));

        var sent = _bot.Sent();
        Assert.Contains(sent, s => s.Texts is ["Diffusion 2020-03-06#1 lancée.", ..] && s.Request.RawTarget == $"{ConversationPath}/1700000000111");
        var statuses = sent.Where(s => s.Texts is [var first, var counts, ..] && first.StartsWith("Diffusion 2020-03-06#1 ", StringComparison.Ordinal)
            && counts.StartsWith("envoyés", StringComparison.Ordinal)).ToList();
        var post = statuses[0];
        Assert.Equal(("POST", ConversationPath), (post.Request.Method, post.Request.RawTarget));
        Assert.StartsWith("Diffusion 2020-03-06#1 en cours", post.Texts[0]);
        var id = post.Request.AnsweredActivityId!;
        var updates = statuses.Skip(1).ToList();
        Assert.True(updates.Count >= 2, $"{updates.Count} updates");
        Assert.All(updates, u => Assert.Equal(("PUT", $"{ConversationPath}/{id}"), (u.Request.Method, u.Request.RawTarget)));
        Assert.All(updates, u => Assert.Equal(id, u.Request.Json!["id"]!.GetValue<string>()));
        var last = updates[^1].Texts;
        Assert.StartsWith("Diffusion 2020-03-06#1 terminée", last[0]);
        Assert.StartsWith("envoyés 21 · échecs 0 · bloqués 0 · restants 0", last[1]);
        Assert.All(updates[..^1], u => Assert.StartsWith("Diffusion 2020-03-06#1 en cours", u.Texts[0]));
    }

    [Fact]
    public async Task Cancel_drops_the_request_and_nothing_is_sent()
    {
        var (_, buttons) = await PlanAsync();

        await EditorPressesAsync(buttons["Annuler"]);

        var reply = Assert.Single(_bot.Sent());
        Assert.Equal("Diffusion annulée : rien n’a été envoyé.", reply.Texts[0]);
        Assert.Empty(Broadcasts.History(5));
        _fake.ConnectorRequests.Clear();
        await EditorPressesAsync("/confirm");
        Assert.StartsWith("Rien à confirmer", Assert.Single(_bot.Sent()).Texts[0]);
    }

    [Fact]
    public async Task Status_cards_that_the_connector_refuses_are_given_up_without_throwing()
    {
        var card = new NoticeCard { Language = "fr", Text = "Diffusion 2020-03-06#1 en cours" };

        _fake.FailNext(new Fault(503));
        Assert.Null(await Notifier.SendAsync(Personal, card, CancellationToken.None));
        var id = await Notifier.SendAsync(Personal, card, CancellationToken.None);
        Assert.NotNull(id);
        _fake.FailNext(new Fault(404, "ActivityNotFound"));
        await Notifier.EditAsync(Personal, id, card, CancellationToken.None);
        Assert.Null(await Notifier.SendAsync(new ChatKey("teams", "a:never-installed"), card, CancellationToken.None));

        Assert.Equal(["POST", "POST", "PUT"], _fake.ConnectorRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task In_a_team_the_status_is_a_new_thread_in_its_channel_updated_in_that_thread()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service) with { From = Editor });
        _fake.ConnectorRequests.Clear();
        var team = new ChatKey("teams", "team:" + TestIds.TeamId);

        var id = await Notifier.SendAsync(team, new NoticeCard { Language = "en", Text = "Broadcast 2020-03-06#1 running" }, CancellationToken.None);
        await Notifier.EditAsync(team, id!, new NoticeCard { Language = "en", Text = "Broadcast 2020-03-06#1 completed" }, CancellationToken.None);

        var sent = _bot.Sent();
        Assert.Equal(("POST", "/amer/v3/conversations"), (sent[0].Request.Method, sent[0].Request.RawTarget));
        Assert.Equal(TestIds.TeamId, sent[0].Request.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(sent[0].Request.AnsweredActivityId, id);
        var thread = Uri.EscapeDataString($"{TestIds.TeamId};messageid={id}");
        Assert.Equal(("PUT", $"/amer/v3/conversations/{thread}/activities/{id}"), (sent[1].Request.Method, sent[1].Request.RawTarget));
        Assert.Equal("Broadcast 2020-03-06#1 completed", sent[1].Texts[0]);
    }
}

/// <summary>A broadcast over before its first progress report still has its status card posted, then updated in place.</summary>
public sealed class ShortBroadcastStatusTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private static readonly ChannelAccount Editor = TestActivities.User with { AadObjectId = TeamsBotHost.EditorAadObjectId, Id = "29:editor" };

    private FakeConnector _fake = null!;
    private TeamsBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = botFramework.Start();
        _bot = new TeamsBotHost(_fake, new Dictionary<string, string?> { ["Delivery:ProgressInterval"] = "01:00:00" });
        await _bot.SendAsync(TestActivities.BotAddedPersonal(_fake.ServiceUrl) with { From = Editor });
        _fake.ConnectorRequests.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task One_post_then_one_update_with_the_summary()
    {
        await _bot.SendAsync(TestActivities.PersonalMessage(_fake.ServiceUrl, "/broadcast 2020-03-06") with { From = Editor });
        await _bot.SendAsync(TestActivities.ButtonPressed(_fake.ServiceUrl, "/confirm") with { From = Editor });
        await _bot.Services.GetRequiredService<BroadcastService>().WaitAsync("2020-03-06#1").WaitAsync(TimeSpan.FromSeconds(60));

        // Its two lines are two TextBlocks: in one, Teams' Markdown would run them together.
        var statuses = _bot.Sent().Where(s => s.Texts is [_, var counts, ..] && counts.StartsWith("envoyés", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, statuses.Count);
        Assert.Equal("POST", statuses[0].Request.Method);
        Assert.StartsWith("Diffusion 2020-03-06#1 en cours", statuses[0].Texts[0]);
        Assert.Equal(("PUT", statuses[0].Request.AnsweredActivityId), (statuses[1].Request.Method, statuses[1].Request.RawTarget.Split('/')[^1]));
        Assert.StartsWith("Diffusion 2020-03-06#1 terminée", statuses[1].Texts[0]);
    }
}
