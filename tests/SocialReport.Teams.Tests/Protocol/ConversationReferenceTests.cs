using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Protocol;

public sealed class ConversationReferenceTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Fact]
    public void A_personal_install_remembers_the_reader()
    {
        var reference = ConversationReference.FromActivity(TestActivities.BotAddedPersonal(ServiceUrl))!;

        Assert.Equal(ServiceUrl, reference.ServiceUrl);
        Assert.Equal(TestIds.PersonalConversationId, reference.ConversationId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal(TestIds.TenantId, reference.TenantId);
        Assert.Equal(TestIds.BotId, reference.BotId);
        Assert.Equal(TestIds.UserAadObjectId, reference.UserAadObjectId);
        Assert.Null(reference.TeamId);
        Assert.False(reference.IsChannel);
    }

    [Fact]
    public void A_team_install_remembers_the_General_channel()
    {
        var reference = ConversationReference.FromActivity(TestActivities.BotAddedTeam(ServiceUrl))!;

        Assert.True(reference.IsChannel);
        Assert.Equal(TestIds.TeamId, reference.TeamId);
        Assert.Equal(TestIds.TeamId, reference.TeamsChannelId);
        Assert.Equal(TestIds.TeamId, reference.ConversationId);
        Assert.Null(reference.UserAadObjectId);
    }

    [Fact]
    public void A_command_in_a_thread_refers_to_its_channel()
    {
        var reference = ConversationReference.FromActivity(TestActivities.ChannelMention(ServiceUrl, "subscribe"))!;

        Assert.Equal(TestIds.OtherChannelId, reference.ConversationId);
        Assert.Equal(TestIds.OtherChannelId, reference.TeamsChannelId);
    }

    [Fact]
    public void Round_trips_through_the_chat_address()
    {
        var reference = ConversationReference.FromActivity(TestActivities.BotAddedTeam(ServiceUrl))!;

        var json = reference.ToJson();

        Assert.Equal(reference, ConversationReference.FromJson(json));
        Assert.Contains("\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"", json);
        Assert.DoesNotContain("userAadObjectId", json); // nulls are left out
        Assert.Null(ConversationReference.FromJson(null));
    }

    [Fact]
    public void No_reference_without_service_url_or_conversation()
    {
        Assert.Null(ConversationReference.FromActivity(TestActivities.BotAddedPersonal(ServiceUrl) with { ServiceUrl = null }));
        Assert.Null(ConversationReference.FromActivity(TestActivities.BotAddedPersonal(ServiceUrl) with { Conversation = null }));
    }
}
