using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Readers;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>
/// The real host (its <c>Program</c>, services and <c>/api/messages</c>) over a temp LiteDB file seeded with the
/// repository's editions, talking to a fake connector over loopback HTTP.
/// </summary>
internal sealed class TeamsBotHost : WebApplicationFactory<Program>
{
    public const string EditorAadObjectId = "e0d1c2b3-a4f5-4e6d-8c7b-9a0817263544";

    private readonly Dictionary<string, string?> _settings;
    private readonly TempDirectory _directory = new();

    public TeamsBotHost(FakeConnector fake, IDictionary<string, string?>? overrides = null)
    {
        Fake = fake;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = _directory.DatabaseFile,
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Admins:Teams:0"] = EditorAadObjectId,
            ["Commands:PerChatPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in fake.AdapterSettings)
            _settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public FakeConnector Fake { get; }

    public IChatStore Chats => Services.GetRequiredService<IChatStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A Bot Framework token as the connector sends it for this fake's service URL.</summary>
    public string Token(Func<TokenSpec, TokenSpec>? change = null)
    {
        var spec = new TokenSpec { Key = Fake.Endorsed, ServiceUrl = Fake.ServiceUrl };
        return TestTokens.Sign(change is null ? spec : change(spec));
    }

    /// <summary>POSTs the activity to <c>/api/messages</c>; with a valid token unless <paramref name="authorization"/> says otherwise ("" for none).</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsWebhook.Route)
        {
            Content = new StringContent(TeamsJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        authorization ??= "Bearer " + Token();
        if (authorization.Length > 0)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>POSTs with a valid token and expects 200.</summary>
    public async Task SendAsync(Activity activity)
    {
        using var response = await PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The connector requests carrying activities, each with its Adaptive Cards checked (version, elements, size).</summary>
    public IReadOnlyList<SentActivity> Sent()
    {
        var sent = new List<SentActivity>();
        foreach (var request in Fake.ConnectorRequests)
        {
            if (request.Json is not JsonObject json) continue;
            var activity = json["activity"] as JsonObject ?? json;
            var cards = (activity["attachments"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(a => a["contentType"]?.GetValue<string>() == ActivityAttachment.AdaptiveCardType)
                .Select(a => a["content"]!.AsObject()).ToList();
            foreach (var card in cards)
                CardAssert.Valid(card);
            Assert.True(TeamsJson.Utf16Size(activity) <= TeamsActivities.MaxActivitySize, "activity over the size limit");
            if (cards.Count > 0)
                OutgoingAssert.Addressed(activity);
            sent.Add(new SentActivity(request, cards));
        }
        return sent;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _directory.Dispose();
    }
}

/// <summary>An activity the bot sent, and its Adaptive Cards.</summary>
public sealed record SentActivity(RecordedRequest Request, IReadOnlyList<JsonObject> Cards)
{
    /// <summary>What a reader sees of every card, escapes undone.</summary>
    public IReadOnlyList<string> Texts => [.. Cards.SelectMany(CardAssert.Texts).Select(CardAssert.Plain)];
}
