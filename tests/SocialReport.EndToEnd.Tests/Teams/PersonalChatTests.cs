using System.Net;
using System.Text.Json.Nodes;
using SocialReport.Core.Readers;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>A reader installs the app for themselves and uses the reader commands, end to end through /api/messages.</summary>
public sealed class PersonalChatTests(FakeBotFramework botFramework) : TeamsBotTests(botFramework)
{
    private const string ConversationPath = "/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities";
    private static readonly ChatKey Personal = new("teams", TestIds.PersonalConversationId);

    /// <summary>The activities answering one message: replies to its id in the personal conversation.</summary>
    private async Task<IReadOnlyList<SentActivity>> AskAsync(string text)
    {
        _bot.Sent(); // checks the cards sent so far before they are forgotten
        _fake.ConnectorRequests.Clear();
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, text));
        var sent = _bot.Sent();
        Assert.All(sent, s => Assert.Equal($"{ConversationPath}/1700000000111", s.Request.RawTarget));
        return sent;
    }

    [Fact]
    public async Task Installing_greets_the_reader_and_subscribes_the_chat_with_its_reference()
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));

        var chat = _bot.Chats.Get(Personal)!;
        Assert.Equal(SubscriptionState.Active, chat.State);
        Assert.Equal(ChatKind.Private, chat.Kind);
        Assert.Equal(TeamsActivityHandler.InstallVia, chat.SubscribedVia);
        Assert.Equal("fr", chat.Language);
        var reference = ConversationReference.FromJson(chat.Address)!;
        Assert.Equal(Service, reference.ServiceUrl);
        Assert.Equal(TestIds.PersonalConversationId, reference.ConversationId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal(TestIds.TenantId, reference.TenantId);
        Assert.Equal(TestIds.UserAadObjectId, reference.UserAadObjectId);

        var sent = _bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(("POST", ConversationPath), (s.Request.Method, s.Request.RawTarget)));
        Assert.All(sent, s => Assert.StartsWith("Bearer ", s.Request.Authorization));
        Assert.Contains("Bienvenue", sent[0].Texts[0]);
        Assert.Equal("The Social Report", sent[1].Texts[0]);
        Assert.Equal("27 mars 2020", sent[1].Texts[1]);
    }

    [Fact]
    public async Task A_reply_comes_from_the_bot_to_the_reader_in_the_chats_language_with_a_summary_for_notifications()
    {
        var reply = Assert.Single(await AskAsync("/latest")).Request.Json!.AsObject();

        Assert.Equal((TestIds.BotId, TestIds.BotName), (reply["from"]!["id"]!.GetValue<string>(), reply["from"]!["name"]!.GetValue<string>()));
        Assert.Equal((TestIds.UserId, TestIds.UserAadObjectId), (reply["recipient"]!["id"]!.GetValue<string>(), reply["recipient"]!["aadObjectId"]!.GetValue<string>()));
        Assert.Equal("fr", reply["locale"]!.GetValue<string>());
        Assert.Equal("The Social Report", reply["summary"]!.GetValue<string>());
        Assert.Null(reply["text"]); // Teams would show it above the card
    }

    [Theory]
    [InlineData(RecipientGone.Blocked, SubscriptionState.Blocked)]
    [InlineData(RecipientGone.NotFound, SubscriptionState.Gone)]
    public async Task A_reply_Teams_refuses_for_good_ends_the_subscription_as_a_broadcast_would(RecipientGone how, SubscriptionState state)
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(Personal)!.State);
        _fake.MakeGone(TestIds.PersonalConversationId, how);

        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/latest"));

        Assert.Equal(state, _bot.Chats.Get(Personal)!.State);
    }

    [Fact]
    public async Task Help_shows_each_command_on_a_line_of_its_own()
    {
        var reply = Assert.Single(await AskAsync("/help"));

        Assert.Equal("Commandes", reply.Texts[0]);
        Assert.Equal(16, reply.Texts.Count); // the title, then one TextBlock per command: Markdown would join single lines
        Assert.Equal("/start — s’abonner et recevoir la dernière édition", reply.Texts[1]);
        Assert.Equal("/help — cette aide", reply.Texts[8]);
        Assert.Equal("/oublier — effacer tout ce que le bot garde sur cette conversation", reply.Texts[^1]);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("/latest")]
    [InlineData("/derniere")]
    public async Task Latest_is_the_newest_edition_as_one_card_whose_stories_unfold_in_place(string command)
    {
        var sent = await AskAsync(command);

        var reply = Assert.Single(sent);
        var card = Assert.Single(reply.Cards);
        Assert.Equal("message", reply.Request.Json!["type"]!.GetValue<string>());
        Assert.Equal("1700000000111", reply.Request.Json["replyToId"]!.GetValue<string>());
        Assert.Equal("27 mars 2020", reply.Texts[1]);
        Assert.Equal(3, CardAssert.OfType(card, "Action.ToggleVisibility").Count());
        Assert.Contains("1. Zoom's daily users jump past 200 million", reply.Texts);
        Assert.Contains("3. Influencers move their work to live streams", reply.Texts);
        Assert.Null(_bot.Chats.Get(Personal)); // reading subscribes nothing
    }

    [Fact]
    public async Task Archive_lists_the_editions_newest_first_and_opens_one_by_date()
    {
        var list = Assert.Single(await AskAsync("archive"));
        var texts = list.Texts;
        Assert.Contains(texts, t => t.StartsWith("n° 4 ·", StringComparison.Ordinal));
        Assert.True(texts.ToList().FindIndex(t => t.StartsWith("n° 4", StringComparison.Ordinal)) < texts.ToList().FindIndex(t => t.StartsWith("n° 1", StringComparison.Ordinal)));
        Assert.Contains(CardAssert.OfType(list.Cards[0], "Action.Submit"), b => b["data"]!["command"]!.GetValue<string>() == "/cover 2020-03-06");

        var seed = Assert.Single(await AskAsync("archive 2020-03-06"));
        Assert.Equal("6 mars 2020", seed.Texts[1]);
        Assert.Equal(4, CardAssert.OfType(seed.Cards[0], "Action.ToggleVisibility").Count());
        Assert.Contains(seed.Texts, t => t.Contains("WhatsApp franchit la barre des 2 milliards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topic_whatsapp_lists_the_seed_story_first()
    {
        var reply = Assert.Single(await AskAsync("topic whatsapp"));

        var items = CardAssert.OfType(reply.Cards[0], "Container").ToList();
        var first = CardAssert.Plain(CardAssert.Texts(items[0]).First());
        Assert.Equal("WhatsApp franchit la barre des 2 milliards d’utilisateurs", first);
        Assert.Equal("/read 2020-03-06/2", CardAssert.OfType(items[0], "Action.Submit").Single()["data"]!["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_button_updates_the_message_it_is_on()
    {
        await _bot.SendAsync(TestActivities.ButtonPressed(Service, "/read 2020-03-27/2"));

        var update = Assert.Single(_bot.Sent());
        Assert.Equal(("PUT", $"{ConversationPath}/1700000000100"), (update.Request.Method, update.Request.RawTarget));
        Assert.StartsWith("2/3 · Twitter widens its rules", update.Texts[0]);
    }

    [Fact]
    public async Task A_button_whose_message_cannot_be_updated_answers_with_a_new_message()
    {
        _fake.FailNext(new Fault(404, "ActivityNotFound"));

        await _bot.SendAsync(TestActivities.ButtonPressed(Service, "/cover 2020-03-06"));

        var sent = _bot.Sent();
        Assert.Equal(["PUT", "POST"], sent.Select(s => s.Request.Method));
        Assert.Equal("6 mars 2020", sent[1].Texts[1]);
    }

    [Fact]
    public async Task An_Action_Execute_invoke_is_answered_and_acknowledged()
    {
        using var response = await _bot.PostAsync(TestActivities.ExecuteInvoked(Service, "/read 2020-03-06/2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        var reply = Assert.Single(_bot.Sent());
        Assert.StartsWith("2/4 · WhatsApp franchit", reply.Texts[0]);
    }

    [Fact]
    public async Task Stop_unsubscribes_and_start_subscribes_again()
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));

        Assert.StartsWith("Désabonnement confirmé", Assert.Single(await AskAsync("stop")).Texts[0]);
        Assert.Equal(SubscriptionState.Stopped, _bot.Chats.Get(Personal)!.State);

        await AskAsync("/start");
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(Personal)!.State);
        Assert.Equal(Service, ConversationReference.FromJson(_bot.Chats.Get(Personal)!.Address)!.ServiceUrl);
    }

    [Fact]
    public async Task Uninstalling_marks_the_chat_gone()
    {
        await _bot.SendAsync(TestActivities.BotAddedPersonal(Service));

        await _bot.SendAsync(TestActivities.InstallationRemoved(Service));

        Assert.Equal(SubscriptionState.Gone, _bot.Chats.Get(Personal)!.State);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("/stats")]
    [InlineData("preview")]
    [InlineData("broadcast")]
    public async Task Editor_commands_are_refused_to_a_reader(string command)
    {
        var reply = Assert.Single(await AskAsync(command));

        Assert.Contains("réservée aux éditeurs", reply.Texts[0]);
    }

    [Fact]
    public async Task The_editor_listed_by_Entra_object_id_gets_the_editor_commands()
    {
        var editor = TestActivities.User with { AadObjectId = TeamsBotHost.EditorAadObjectId, Id = "29:editor" };

        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "stats") with { From = editor });
        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "publish") with { From = editor });

        var sent = _bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent[0].Texts, t => t.Contains("4 éditions", StringComparison.Ordinal));
        Assert.DoesNotContain(sent.SelectMany(s => s.Texts), t => t.Contains("réservée aux éditeurs", StringComparison.Ordinal));
        Assert.Contains("/publish", sent[1].Texts[0]);
    }
}
