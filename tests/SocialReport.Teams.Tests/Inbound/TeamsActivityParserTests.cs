using System.Text.Json;
using SocialReport.Core.Readers;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Inbound;

public sealed class TeamsActivityParserTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Theory]
    [InlineData("latest")]
    [InlineData("/latest")]
    [InlineData("  topic whatsapp  ")]
    public void A_personal_message_becomes_a_private_command(string text)
    {
        var inbound = TeamsActivityParser.ToInbound(TestActivities.PersonalMessage(ServiceUrl, text))!;

        Assert.Equal(new ChatKey("teams", TestIds.PersonalConversationId), inbound.Chat);
        Assert.Equal(ChatKind.Private, inbound.ChatKind);
        Assert.Equal(text.Trim(), inbound.Text);
        Assert.Equal(TestIds.UserAadObjectId, inbound.Sender.Id);
        Assert.Equal("Ambre Limousi", inbound.Sender.Name);
        Assert.Equal("fr-FR", inbound.Sender.LanguageHint);
        Assert.False(inbound.FromButton);
        Assert.Equal("teams", inbound.Channel);
    }

    [Fact]
    public void A_channel_mention_loses_the_mention_and_keys_on_the_team_with_the_channel_as_address()
    {
        var inbound = TeamsActivityParser.ToInbound(TestActivities.ChannelMention(ServiceUrl, "subscribe"))!;

        Assert.Equal("subscribe", inbound.Text);
        Assert.Equal(new ChatKey("teams", "team:" + TestIds.TeamId), inbound.Chat);
        Assert.Equal(ChatKind.Channel, inbound.ChatKind);
        Assert.Equal("Communication", inbound.ChatTitle);
        var address = ConversationReference.FromJson(inbound.Address)!;
        Assert.Equal(TestIds.OtherChannelId, address.TeamsChannelId);
        Assert.Equal(TestIds.OtherChannelId, address.ConversationId);
        Assert.Equal("en-US", inbound.Sender.LanguageHint);
    }

    [Fact]
    public void A_mention_without_entity_is_stripped_when_it_leads()
    {
        var activity = TestActivities.ChannelMention(ServiceUrl, "/topic réseaux") with { Entities = null, Text = "<at>Social Report</at>&nbsp;/topic réseaux" };

        Assert.Equal("/topic réseaux", TeamsActivityParser.ToInbound(activity)!.Text);
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_text()
    {
        var activity = TestActivities.ChannelMention(ServiceUrl, "search <at>Alice</at>") with
        {
            Entities =
            [
                new Entity { Type = "mention", Text = $"<at>{TestIds.BotName}</at>", Mentioned = TestActivities.Bot },
                new Entity { Type = "mention", Text = "<at>Alice</at>", Mentioned = new ChannelAccount { Id = "29:alice" } },
            ],
        };

        Assert.Equal("search <at>Alice</at>", TeamsActivityParser.ToInbound(activity)!.Text);
    }

    [Fact]
    public void A_group_chat_is_a_group()
    {
        var activity = TestActivities.PersonalMessage(ServiceUrl, "help") with
        {
            Conversation = new ConversationAccount { Id = "19:meeting_abc@thread.v2", ConversationType = "groupChat", IsGroup = true, Name = "Équipe com" },
        };

        var inbound = TeamsActivityParser.ToInbound(activity)!;

        Assert.Equal(ChatKind.Group, inbound.ChatKind);
        Assert.Equal("Équipe com", inbound.ChatTitle);
        Assert.Equal(new ChatKey("teams", "19:meeting_abc@thread.v2"), inbound.Chat);
    }

    [Fact]
    public void An_Action_Submit_button_carries_its_command()
    {
        var inbound = TeamsActivityParser.ToInbound(TestActivities.ButtonPressed(ServiceUrl, "/read 2020-03-06/2"))!;

        Assert.Equal("/read 2020-03-06/2", inbound.Text);
        Assert.True(inbound.FromButton);
    }

    [Fact]
    public void An_Action_Execute_invoke_carries_its_command()
    {
        var inbound = TeamsActivityParser.ToInbound(TestActivities.ExecuteInvoked(ServiceUrl, "/full 2020-03-06/1"))!;

        Assert.Equal("/full 2020-03-06/1", inbound.Text);
        Assert.True(inbound.FromButton);
    }

    [Fact]
    public void Activities_without_a_command_give_nothing()
    {
        Assert.Null(TeamsActivityParser.ToInbound(TestActivities.BotAddedPersonal(ServiceUrl)));
        Assert.Null(TeamsActivityParser.ToInbound(TestActivities.InstallationRemoved(ServiceUrl)));
        Assert.Null(TeamsActivityParser.ToInbound(TestActivities.PersonalMessage(ServiceUrl, "  ")));
        Assert.Null(TeamsActivityParser.ToInbound(TestActivities.PersonalMessage(ServiceUrl, "x") with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { other = 1 }),
        }));
    }

    [Theory]
    [InlineData("<at>SocialReport</at>")]
    [InlineData("<at>SocialReport</at>&nbsp;\n")]
    [InlineData("<at>SocialReport</at> <at>SocialReport</at>")]
    public void A_bare_mention_of_the_bot_asks_for_help(string text)
    {
        var inbound = TeamsActivityParser.ToInbound(TestActivities.ChannelMention(ServiceUrl, "") with { Text = text })!;

        Assert.Equal("/help", inbound.Text);
        Assert.False(inbound.FromButton);
    }

    [Fact]
    public void Outside_a_personal_chat_commands_mention_the_bot()
    {
        Assert.Equal("@SocialReport", TeamsActivityParser.ToInbound(TestActivities.ChannelMention(ServiceUrl, "stop"))!.Mention);
        Assert.Null(TeamsActivityParser.ToInbound(TestActivities.PersonalMessage(ServiceUrl, "stop"))!.Mention);
    }

    [Fact]
    public void A_user_without_Entra_id_is_known_by_channel_id()
    {
        var activity = TestActivities.PersonalMessage(ServiceUrl, "help") with { From = new ChannelAccount { Id = "29:guest", Name = "Guest" } };

        Assert.Equal("29:guest", TeamsActivityParser.ToInbound(activity)!.Sender.Id);
    }

    [Fact]
    public void Parses_an_activity_as_Teams_sends_it()
    {
        const string json = """
        {
          "text": "<at>SocialReport</at> topic whatsapp\n",
          "textFormat": "plain",
          "type": "message",
          "timestamp": "2020-03-06T09:12:44.3541238Z",
          "localTimestamp": "2020-03-06T10:12:44.3541238+01:00",
          "id": "1583485964335",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1a2b", "name": "Ambre Limousi", "aadObjectId": "6b2c7e1a-0d4f-4a57-8c1e-3f5d2a9b7c40" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                            "id": "19:abc@thread.tacv2;messageid=1583485964335" },
          "recipient": { "id": "28:0b7f3c52-7a4e-4a4f-9f3e-2d7a6f1c9e11", "name": "SocialReport" },
          "entities": [
            { "mentioned": { "id": "28:0b7f3c52-7a4e-4a4f-9f3e-2d7a6f1c9e11", "name": "SocialReport" }, "text": "<at>SocialReport</at>", "type": "mention" },
            { "locale": "fr-FR", "country": "FR", "platform": "Web", "timezone": "Europe/Paris", "type": "clientInfo" }
          ],
          "channelData": {
            "teamsChannelId": "19:abc@thread.tacv2", "teamsTeamId": "19:team@thread.tacv2",
            "channel": { "id": "19:abc@thread.tacv2" },
            "team": { "id": "19:team@thread.tacv2" },
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" }
          },
          "locale": "fr-FR"
        }
        """;
        var activity = TeamsJson.Deserialize<Activity>(json)!;

        var inbound = TeamsActivityParser.ToInbound(activity)!;
        var reference = ConversationReference.FromActivity(activity)!;

        Assert.Equal("topic whatsapp", inbound.Text);
        Assert.Equal(new ChatKey("teams", "team:19:team@thread.tacv2"), inbound.Chat);
        Assert.Equal("19:abc@thread.tacv2", reference.TeamsChannelId);
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Equal("Europe/Paris", activity.Entities![1].Extra!["timezone"].GetString());
        Assert.Contains("\"teamsChannelId\":\"19:abc@thread.tacv2\"", TeamsJson.Serialize(activity)); // unknown members survive
    }
}
