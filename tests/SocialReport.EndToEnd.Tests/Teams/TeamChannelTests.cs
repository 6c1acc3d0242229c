using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>A team installs the app: one subscription per team, posted in the channel it chose.</summary>
public sealed class TeamChannelTests(FakeBotFramework botFramework) : TeamsBotTests(botFramework)
{
    private static readonly ChatKey Team = new("teams", "team:" + TestIds.TeamId);

    private ConversationReference Reference => ConversationReference.FromJson(_bot.Chats.Get(Team)!.Address)!;

    private async Task<SentActivity> MentionAsync(string command, string channel = TestIds.OtherChannelId)
    {
        _bot.Sent(); // checks the cards sent so far before they are forgotten
        _fake.ConnectorRequests.Clear();
        await _bot.SendAsync(TestActivities.ChannelMention(Service, command, channel));
        var reply = Assert.Single(_bot.Sent());
        // The answer goes in the thread the command was typed in.
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(channel + ";messageid=1700000000200")}/activities/1700000000222", reply.Request.RawTarget);
        return reply;
    }

    private async Task<SendOutcome> BroadcastAsync()
    {
        var sender = _bot.Services.GetServices<IEditionSender>().Single(s => s.Channel == "teams");
        var edition = _bot.Services.GetRequiredService<EditionImporter>().ImportFile(RepositoryFiles.Newest);
        _bot.Sent(); // checks the cards sent so far before they are forgotten
        _fake.ConnectorRequests.Clear();
        return await sender.SendAsync(_bot.Chats.Get(Team)!, edition, DeliveryMode.Edition, CancellationToken.None);
    }

    [Fact]
    public async Task Installing_in_a_team_subscribes_the_team_in_its_General_channel_and_greets_there()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service));

        var chat = _bot.Chats.Get(Team)!;
        Assert.Equal((SubscriptionState.Active, ChatKind.Channel, "install", "Communication"), (chat.State, chat.Kind, chat.SubscribedVia, chat.Title));
        Assert.Equal((TestIds.TeamId, TestIds.TeamId, TestIds.TeamId, "channel"), (Reference.TeamsChannelId, Reference.TeamId, Reference.ConversationId, Reference.ConversationType));
        var sent = _bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal("/amer/v3/conversations/19%3Ateam0f1e2d3c4b5a%40thread.tacv2/activities", s.Request.RawTarget));
        Assert.Contains(sent[0].Texts, t => t.Contains("@SocialReport subscribe", StringComparison.Ordinal));

        Assert.IsType<SendOutcome.Sent>(await BroadcastAsync());
        var thread = Assert.Single(_bot.Sent());
        Assert.Equal("/amer/v3/conversations", thread.Request.RawTarget);
        Assert.Equal(TestIds.TeamId, thread.Request.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installing_in_a_team_in_a_chosen_channel_subscribes_the_team_there_and_greets_there()
    {
        // The channel picked in Teams' install dialog, as the connector sends it (not through the record's own member).
        var install = TestActivities.BotAddedTeam(Service);
        await _bot.SendAsync(install with
        {
            ChannelData = install.ChannelData! with
            {
                Extra = new() { ["settings"] = JsonSerializer.SerializeToElement(new { selectedChannel = new { id = TestIds.OtherChannelId } }) },
            },
        });

        Assert.Equal((TestIds.OtherChannelId, TestIds.OtherChannelId, TestIds.TeamId), (Reference.TeamsChannelId, Reference.ConversationId, Reference.TeamId));
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(Team)!.State);
        var sent = _bot.Sent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(TestIds.OtherChannelId)}/activities", s.Request.RawTarget));

        Assert.IsType<SendOutcome.Sent>(await BroadcastAsync());
        Assert.Equal(TestIds.OtherChannelId, Assert.Single(_bot.Sent()).Request.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_in_another_channel_moves_the_teams_editions_there_and_unsubscribe_stops_them()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service));

        var moved = await MentionAsync("subscribe");
        Assert.StartsWith("C’est noté", moved.Texts[0]); // the team chose French when it installed the app
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(Team)!.State);
        Assert.Equal(TestIds.OtherChannelId, Reference.TeamsChannelId);
        Assert.Equal(TestIds.TeamId, Reference.TeamId);

        Assert.IsType<SendOutcome.Sent>(await BroadcastAsync());
        Assert.Equal(TestIds.OtherChannelId, Assert.Single(_bot.Sent()).Request.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());

        Assert.Equal("Cette conversation est déjà abonnée.", (await MentionAsync("subscribe")).Texts[0]);

        await MentionAsync("unsubscribe", TestIds.TeamId);
        Assert.Equal(SubscriptionState.Stopped, _bot.Chats.Get(Team)!.State);
        Assert.DoesNotContain(_bot.Chats.Active("teams"), c => c.Key == Team);
    }

    [Fact]
    public async Task Unsubscribing_a_channel_says_to_mention_the_bot_to_come_back_not_to_send_start()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service));

        var stopped = (await MentionAsync("unsubscribe", TestIds.TeamId)).Texts[0];
        var again = (await MentionAsync("stop", TestIds.TeamId)).Texts[0];

        Assert.Equal("Désabonnement confirmé : cette conversation ne recevra plus le Social Report. Pour revenir, écrivez @SocialReport subscribe.", stopped);
        Assert.Equal("Cette conversation n’était pas abonnée. @SocialReport subscribe pour l’abonner.", again);
        await MentionAsync("subscribe", TestIds.TeamId);
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(Team)!.State);
    }

    [Fact]
    public async Task A_bare_mention_answers_with_the_help()
    {
        var reply = await MentionAsync("");

        Assert.Equal("Commands", reply.Texts[0]); // in the language of the mention's locale (en-US)
        Assert.Contains("/latest — the latest edition", reply.Texts);
    }

    [Fact]
    public async Task Commands_work_in_channels_with_the_mention()
    {
        var reply = await MentionAsync("/topic whatsapp");

        Assert.Equal("WhatsApp franchit la barre des 2 milliards d’utilisateurs", reply.Texts[1]);
    }

    [Fact]
    public async Task Removing_the_app_from_the_team_marks_it_gone()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service));

        await _bot.SendAsync(TestActivities.BotAddedTeam(Service) with { MembersAdded = null, MembersRemoved = [TestActivities.Bot] });

        Assert.Equal(SubscriptionState.Gone, _bot.Chats.Get(Team)!.State);
    }

    [Fact]
    public async Task A_member_joining_the_team_changes_nothing()
    {
        await _bot.SendAsync(TestActivities.BotAddedTeam(Service) with { MembersAdded = [TestActivities.User] });

        Assert.Null(_bot.Chats.Get(Team));
        Assert.Empty(_fake.ConnectorRequests);
    }

    [Fact]
    public async Task A_group_chat_install_is_subscribed_on_its_conversation()
    {
        var added = TestActivities.BotAddedPersonal(Service) with
        {
            Conversation = new ConversationAccount { Id = "19:meeting_abc@thread.v2", ConversationType = "groupChat", IsGroup = true, Name = "Équipe com" },
        };

        await _bot.SendAsync(added);

        var chat = _bot.Chats.Get(new ChatKey("teams", "19:meeting_abc@thread.v2"))!;
        Assert.Equal((SubscriptionState.Active, ChatKind.Group, "Équipe com"), (chat.State, chat.Kind, chat.Title));
        Assert.Equal("groupChat", ConversationReference.FromJson(chat.Address)!.ConversationType);
        Assert.Equal(2, _bot.Sent().Count);
    }
}
