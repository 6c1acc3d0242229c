using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Teams.Outbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Outbound;

/// <summary>Proactive delivery of an edition to stored conversations, through MSAL and HTTP to the fake connector.</summary>
public sealed class TeamsEditionSenderTests : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private static readonly Edition Seed = new EditionImporter(OutletCatalog.Default).ImportFile(RepositoryFiles.Seed);

    private readonly FakeConnector _fake;
    private readonly IHost _host;

    public TeamsEditionSenderTests(FakeBotFramework botFramework) => (_fake, _host) = TeamsTestHost.Start(botFramework);

    private IEditionSender Sender => _host.Services.GetServices<IEditionSender>().Single(s => s.Channel == "teams");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TeamsTestHost.StopAsync(_host, _fake);

    private Chat Personal => Subscribed(new ChatKey("teams", TestIds.PersonalConversationId), ChatKind.Private,
        ConversationReference.FromActivity(TestActivities.BotAddedPersonal(_fake.ServiceUrl))!);

    private Chat TeamChannel => Subscribed(new ChatKey("teams", "team:" + TestIds.TeamId), ChatKind.Channel,
        ConversationReference.FromActivity(TestActivities.ChannelMention(_fake.ServiceUrl, "subscribe"))!);

    private static Chat Subscribed(ChatKey key, ChatKind kind, ConversationReference? reference) => new()
    {
        Key = key,
        Kind = kind,
        Language = "fr",
        State = SubscriptionState.Active,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Address = reference?.ToJson(),
    };

    /// <summary>The activities sent, every card checked for version, elements and size.</summary>
    private List<(RecordedRequest Request, Teams.Protocol.Activity Activity)> Sent() =>
        [.. _fake.ConnectorRequests.Select(r =>
        {
            var activity = TeamsJson.Deserialize<Teams.Protocol.Activity>((r.Json!["activity"] ?? r.Json).ToJsonString())!;
            Assert.True(TeamsActivities.Fits(activity));
            foreach (var attachment in activity.Attachments ?? [])
                CardAssert.Valid(attachment.Content!.AsObject());
            return (r, activity);
        })];

    [Fact]
    public async Task An_edition_reaches_a_personal_chat_as_one_message()
    {
        var outcome = await Sender.SendAsync(Personal, Seed, DeliveryMode.Edition, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        var (request, activity) = Assert.Single(Sent());
        Assert.Equal(("POST", "/amer/v3/conversations/a%3A1pYgKd3hsGxv8zZ9Qw-personal/activities"), (request.Method, request.RawTarget));
        var card = Assert.Single(activity.Attachments!).Content!.AsObject();
        Assert.Equal(4, CardAssert.OfType(card, "Action.ToggleVisibility").Count());
        Assert.Equal("6 mars 2020", CardAssert.Texts(card).ElementAt(1));
        Assert.StartsWith("Bearer ", request.Authorization);
    }

    [Fact]
    public async Task An_edition_starts_a_new_thread_in_a_team_channel()
    {
        var outcome = await Sender.SendAsync(TeamChannel, Seed, DeliveryMode.Edition, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        var (request, _) = Assert.Single(Sent());
        Assert.Equal(("POST", "/amer/v3/conversations"), (request.Method, request.RawTarget));
        Assert.Equal(TestIds.OtherChannelId, request.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TestIds.TenantId, request.Json["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.True(request.Json["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Card_by_card_is_the_cover_then_each_story_in_the_same_thread()
    {
        var outcome = await Sender.SendAsync(TeamChannel, Seed, DeliveryMode.Cards, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        var sent = Sent();
        Assert.Equal(5, sent.Count);
        Assert.Equal("/amer/v3/conversations", sent[0].Request.RawTarget);
        var thread = Uri.EscapeDataString($"{TestIds.OtherChannelId};messageid=1700000000001");
        Assert.All(sent.Skip(1), s => Assert.Equal($"/amer/v3/conversations/{thread}/activities", s.Request.RawTarget));
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], sent.Skip(1).Select(s => CardAssert.Texts(s.Activity.Attachments![0].Content!.AsObject()).First()[..3]));
    }

    [Fact]
    public async Task Proactive_messages_come_from_the_bot_to_whoever_installed_it_with_language_and_summary()
    {
        await Sender.SendAsync(Personal, Seed, DeliveryMode.Edition, CancellationToken.None);
        await Sender.SendAsync(TeamChannel, Seed, DeliveryMode.Cards, CancellationToken.None);

        var sent = _fake.ConnectorRequests.Select(r => (r.Json!["activity"] ?? r.Json).AsObject()).ToList();
        Assert.Equal(6, sent.Count); // the edition; then in the team the cover starting a thread, and four stories
        Assert.All(sent, OutgoingAssert.Addressed);
        Assert.All(sent, a => Assert.Equal(TestIds.UserId, a["recipient"]!["id"]!.GetValue<string>()));
        Assert.Equal(["Social Report", "Social Report"], sent.Take(2).Select(a => a["summary"]!.GetValue<string>()));
        Assert.StartsWith("1/4 · L’Europe dévoile sa stratégie digitale", sent[2]["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_throttled_story_is_waited_for_rather_than_failing_the_edition()
    {
        _fake.FailNext(Fault.Pass);
        _fake.FailNext(new Fault(429, "Throttled", RetryAfter: "1"));

        var outcome = await Sender.SendAsync(Personal, Seed, DeliveryMode.Cards, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        var sent = Sent();
        Assert.Equal(6, sent.Count); // the cover, story 1 throttled then sent again, stories 2 to 4
        Assert.Equal(sent[1].Request.Body, sent[2].Request.Body);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(sent[1].Request.ReceivedAt, sent[2].Request.ReceivedAt) >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_story_failing_after_the_cover_is_tried_again_alone()
    {
        _fake.FailNext(Fault.Pass, TestIds.PersonalConversationId);
        _fake.FailNext(new Fault(502, "BadGateway"), TestIds.PersonalConversationId);

        var outcome = await Sender.SendAsync(Personal, Seed, DeliveryMode.Cards, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        var sent = Sent();
        Assert.Equal(6, sent.Count); // the cover once, story 1 refused then sent again, stories 2 to 4
        Assert.Equal(sent[1].Request.Body, sent[2].Request.Body);
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], _fake.DeliveredTo(TestIds.PersonalConversationId).Skip(1)
            .Select(r => CardAssert.Texts(r.Json!["attachments"]![0]!["content"]!.AsObject()).First()[..3]));
    }

    public static TheoryData<Fault, int> StoryFailures => new()
    {
        { new Fault(429, "Throttled", RetryAfter: "120"), 2 }, // too long to wait for: the rest is given up
        { new Fault(400, "BadArgument"), 4 },                 // that card refused: the others go on
    };

    [Theory]
    [MemberData(nameof(StoryFailures))]
    public async Task Once_the_cover_is_out_the_edition_counts_as_sent_and_is_never_sent_again_whole(Fault fault, int delivered)
    {
        _fake.FailNext(Fault.Pass, TestIds.PersonalConversationId);
        _fake.FailNext(Fault.Pass, TestIds.PersonalConversationId);
        _fake.FailNext(fault, TestIds.PersonalConversationId);

        var outcome = await Sender.SendAsync(Personal, Seed, DeliveryMode.Cards, CancellationToken.None);

        Assert.Equal("1700000000001", Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        Assert.Equal(delivered, _fake.DeliveredTo(TestIds.PersonalConversationId).Count);
    }

    public static TheoryData<Fault, SendOutcome> Failures => new()
    {
        { new Fault(403, "MessageWritesBlocked"), new SendOutcome.Blocked("403 MessageWritesBlocked: MessageWritesBlocked (fake)") },
        { new Fault(404, "ConversationNotFound"), new SendOutcome.Gone("404 ConversationNotFound: ConversationNotFound (fake)") },
        { new Fault(403, "BotDisabledByAdmin"), new SendOutcome.Gone("403 BotDisabledByAdmin: BotDisabledByAdmin (fake)") },
        { new Fault(429, "Throttled", RetryAfter: "12"), new SendOutcome.RetryAfter(TimeSpan.FromSeconds(12)) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Connector_failures_come_back_as_the_cores_outcomes(Fault fault, SendOutcome expected)
    {
        _fake.FailNext(fault);
        var personal = await Sender.SendAsync(Personal, Seed, DeliveryMode.Edition, CancellationToken.None);
        _fake.FailNext(fault);
        var channel = await Sender.SendAsync(TeamChannel, Seed, DeliveryMode.Cards, CancellationToken.None);

        Assert.Equal(expected, personal);
        Assert.Equal(expected, channel);
        Assert.Equal(2, Sent().Count); // a failed cover sends no stories
    }

    [Fact]
    public async Task A_chat_without_a_stored_reference_is_gone_without_a_call()
    {
        var outcome = await Sender.SendAsync(Personal with { Address = null }, Seed, DeliveryMode.Edition, CancellationToken.None);

        Assert.IsType<SendOutcome.Gone>(outcome);
        Assert.Empty(_fake.ConnectorRequests);
    }

    [Fact]
    public void Broadcasts_are_paced_per_tenant()
    {
        Assert.Equal(TestIds.TenantId, Sender.PacingGroup(Personal));
        Assert.Equal(TestIds.TenantId, Sender.PacingGroup(TeamChannel));
        Assert.Null(Sender.PacingGroup(Personal with { Address = null }));
        Assert.Null(Sender.PacingGroup(Personal with { Address = "{not json" }));
    }

    [Fact]
    public void The_sender_is_registered_for_teams()
    {
        Assert.IsType<TeamsEditionSender>(Sender);
    }
}
