using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests;

/// <summary>The fake connector throttles, refuses and fails like the Bot Connector, so that broadcast tests can trust it.</summary>
public sealed class FakeConnectorLimitsTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    private const string TenantA = "a0000000-0000-4000-8000-00000000000a";
    private const string TenantB = "b0000000-0000-4000-8000-00000000000b";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2020-03-06T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly HttpClient _http = new();
    private FakeConnector _fake = null!;

    public Task InitializeAsync()
    {
        _fake = botFramework.Start(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string conversationId, string? tenantInBody = null)
    {
        var activity = new JsonObject { ["type"] = "message", ["text"] = "hello", ["conversation"] = new JsonObject { ["id"] = conversationId } };
        if (tenantInBody is not null)
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantInBody } };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await _http.PostAsync($"{_fake.ServiceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", content);
    }

    private async Task<HttpStatusCode> StatusAsync(string conversationId, string? tenantInBody = null)
    {
        using var response = await PostAsync(conversationId, tenantInBody);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_eighth_message_in_a_second_to_one_conversation_is_throttled_with_retry_after_and_not_delivered()
    {
        for (var i = 0; i < 7; i++)
            Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:reader"));

        using var refused = await PostAsync("a:reader");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("Throttled", error["code"]!.GetValue<string>());
        Assert.Equal(7, _fake.DeliveredTo("a:reader").Count);
        var violation = Assert.Single(_fake.LimitViolations);
        Assert.Equal((RateLimitKind.PerConversation, new RateLimit(7, TimeSpan.FromSeconds(1)), "a:reader", TestIds.TenantId),
            (violation.Kind, violation.Limit, violation.Key, violation.TenantId));
        Assert.Equal(1, _fake.TooManyRequestsReturned);
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:other-reader"));
        // What a test counts in a window is what the limits counted, at the moment they did: not the refused request.
        var now = _clock.GetUtcNow();
        Assert.Equal([now, now, now, now, now, now, now, null, now], _fake.ConnectorRequests.Select(request => request.CountedAt));
    }

    [Fact]
    public async Task Eight_per_two_seconds_and_sixty_per_thirty_seconds_hold_in_sliding_windows()
    {
        for (var i = 0; i < 7; i++) await StatusAsync("a:reader");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:reader"));
        using (var second = await PostAsync("a:reader"))
        {
            Assert.Equal((HttpStatusCode)429, second.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta); // the first seven leave the 2 s window then
        }
        Assert.Equal(new RateLimit(8, TimeSpan.FromSeconds(2)), Assert.Single(_fake.LimitViolations).Limit);

        // 2.5 a second stays within 7/1 s and 8/2 s; after 60 messages in 30 s the next waits for the oldest to leave.
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:busy"));
            _clock.Advance(TimeSpan.FromSeconds(0.4));
        }
        using var over = await PostAsync("a:busy");
        Assert.Equal((HttpStatusCode)429, over.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(6), over.Headers.RetryAfter?.Delta);
        Assert.Equal(new RateLimit(60, TimeSpan.FromSeconds(30)), _fake.LimitViolations.Single(v => v.Key == "a:busy").Limit);
    }

    [Fact]
    public async Task A_tenant_gets_fifty_requests_a_second_whatever_the_conversations_and_other_tenants_are_counted_apart()
    {
        for (var i = 0; i < 30; i++) _fake.AddConversation($"a:known-{i}", TenantA);
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Created, await StatusAsync($"a:known-{i}"));
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Created, await StatusAsync($"a:named-{i}", tenantInBody: TenantA));

        Assert.Equal((HttpStatusCode)429, await StatusAsync("a:known-0"));
        Assert.Equal((HttpStatusCode)429, await StatusAsync("a:unknown", tenantInBody: TenantA));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:elsewhere", tenantInBody: TenantB));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:default-tenant"));

        Assert.Equal(2, _fake.LimitViolations.Count);
        Assert.All(_fake.LimitViolations, v => Assert.Equal((RateLimitKind.PerTenant, TenantA), (v.Kind, v.Key)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:known-0"));
    }

    [Fact]
    public async Task Record_only_delivers_over_the_limit_and_records_it_and_off_records_nothing()
    {
        _fake.RateLimits = ConnectorRateLimits.RecordOnly;
        for (var i = 0; i < 9; i++)
            Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:reader"));
        Assert.Equal(9, _fake.DeliveredTo("a:reader").Count);
        Assert.Equal([new RateLimit(7, TimeSpan.FromSeconds(1)), new RateLimit(7, TimeSpan.FromSeconds(1)), new RateLimit(8, TimeSpan.FromSeconds(2))],
            _fake.LimitViolations.Select(v => v.Limit));
        Assert.Equal(0, _fake.TooManyRequestsReturned);

        _fake.RateLimits = ConnectorRateLimits.Off;
        for (var i = 0; i < 100; i++)
            Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:flood"));
        Assert.Equal(3, _fake.LimitViolations.Count);
    }

    [Fact]
    public async Task Gone_recipients_are_refused_as_the_connector_refuses_them()
    {
        _fake.MakeGone("a:blocked", RecipientGone.Blocked);
        _fake.MakeGone("a:uninstalled", RecipientGone.NotFound);

        using var blocked = await PostAsync("a:blocked");
        using var uninstalled = await PostAsync("a:uninstalled");

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("MessageWritesBlocked", JsonNode.Parse(await blocked.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, uninstalled.StatusCode);
        Assert.Equal("ConversationNotFound", JsonNode.Parse(await uninstalled.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_fake.ConversationsReached);
    }

    [Fact]
    public async Task Faults_can_target_a_conversation_or_be_drawn_at_random()
    {
        _fake.FailNext(new Fault(503), "a:unlucky");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("a:unlucky"));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync("a:unlucky"));

        _fake.RandomFaults = new RandomFaults(ThrottledShare: 0.5, ServerErrorShare: 0.5) { RetryAfterSeconds = 3 };
        var statuses = new List<HttpStatusCode>();
        var retryAfters = new List<TimeSpan?>();
        for (var i = 0; i < 40; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            using var response = await PostAsync($"a:reader-{i}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == (HttpStatusCode)429) retryAfters.Add(response.Headers.RetryAfter?.Delta);
        }

        Assert.Contains((HttpStatusCode)429, statuses);
        Assert.Contains(statuses, s => (int)s >= 500);
        Assert.All(statuses, s => Assert.True(s == (HttpStatusCode)429 || (int)s is 500 or 502 or 503 or 504, s.ToString()));
        Assert.All(retryAfters, r => Assert.Equal(TimeSpan.FromSeconds(3), r));
        Assert.Equal(41, _fake.FaultsInjected);
        Assert.Equal(["a:unlucky"], _fake.ConversationsReached);
        Assert.Empty(_fake.LimitViolations);
    }
}
