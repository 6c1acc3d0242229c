using System.Text.Json;
using SocialReport.Teams.Protocol;

namespace SocialReport.Testing.Teams;

/// <summary>Activities shaped like the ones Teams sends (ids, channelData, mentions, entities as captured from Teams).</summary>
internal static class TestActivities
{
    public static ChannelAccount Bot => new() { Id = TestIds.BotId, Name = TestIds.BotName };

    public static ChannelAccount User => new() { Id = TestIds.UserId, Name = "Ambre Limousi", AadObjectId = TestIds.UserAadObjectId };

    private static TeamsChannelData PersonalData => new() { Tenant = new TenantInfo(TestIds.TenantId) };

    private static TeamsChannelData TeamData(string channelId) => new()
    {
        Tenant = new TenantInfo(TestIds.TenantId),
        Team = new TeamInfo { Id = TestIds.TeamId, Name = "Communication" },
        Channel = new ChannelInfo { Id = channelId, Name = channelId == TestIds.TeamId ? "General" : "Veille" },
    };

    public static Activity PersonalMessage(string serviceUrl, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000111",
        Timestamp = DateTimeOffset.Parse("2020-03-06T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = User,
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = TestIds.PersonalConversationId, ConversationType = "personal", TenantId = TestIds.TenantId },
        Text = text,
        TextFormat = "plain",
        Locale = "fr-FR",
        Entities = [new Entity { Type = "clientInfo", Extra = new() { ["locale"] = JsonSerializer.SerializeToElement("fr-FR"), ["platform"] = JsonSerializer.SerializeToElement("Web") } }],
        ChannelData = PersonalData,
    };

    /// <summary>A message in a channel thread, addressed with an @mention as Teams requires there.</summary>
    public static Activity ChannelMention(string serviceUrl, string command, string channelId = TestIds.OtherChannelId) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000222",
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = User,
        Recipient = Bot,
        Conversation = new ConversationAccount
        {
            Id = $"{channelId};messageid=1700000000200",
            ConversationType = "channel",
            IsGroup = true,
            TenantId = TestIds.TenantId,
        },
        Text = $"<at>{TestIds.BotName}</at> {command}\n",
        TextFormat = "plain",
        Locale = "en-US",
        Entities = [new Entity { Type = "mention", Text = $"<at>{TestIds.BotName}</at>", Mentioned = Bot }],
        ChannelData = TeamData(channelId),
    };

    public static Activity BotAddedPersonal(string serviceUrl) => PersonalMessage(serviceUrl, "") with
    {
        Type = ActivityTypes.ConversationUpdate,
        Text = null,
        TextFormat = null,
        Entities = null,
        MembersAdded = [new ChannelAccount { Id = TestIds.BotId }],
    };

    /// <summary>The app installed in a team: the conversation is the General channel, whose id is the team's.</summary>
    public static Activity BotAddedTeam(string serviceUrl) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = User,
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = TestIds.TeamId, ConversationType = "channel", IsGroup = true, TenantId = TestIds.TenantId },
        MembersAdded = [new ChannelAccount { Id = TestIds.BotId }],
        ChannelData = TeamData(TestIds.TeamId) with { EventType = "teamMemberAdded" },
    };

    public static Activity InstallationRemoved(string serviceUrl) => PersonalMessage(serviceUrl, "") with
    {
        Type = ActivityTypes.InstallationUpdate,
        Text = null,
        Entities = null,
        Action = "remove",
    };

    /// <summary>What an Action.Submit button sends back: a message with the card's data as value and no text.</summary>
    public static Activity ButtonPressed(string serviceUrl, string command) => PersonalMessage(serviceUrl, "") with
    {
        Text = null,
        ReplyToId = "1700000000100",
        Value = JsonSerializer.SerializeToElement(new { command }),
    };

    /// <summary>An Action.Execute (Universal Actions) button: an invoke with the data under value.action.</summary>
    public static Activity ExecuteInvoked(string serviceUrl, string command) => PersonalMessage(serviceUrl, "") with
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Text = null,
        Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "run", data = new { command } } }),
    };
}
