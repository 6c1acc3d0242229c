using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace SocialReport.Testing.Teams;

/// <summary>One request the bot made to the fake, as it arrived on the wire.</summary>
/// <param name="RawTarget">The path and query exactly as sent, escaping included.</param>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body)
{
    /// <summary>When the request arrived (<see cref="System.Diagnostics.Stopwatch"/> ticks), for latency measurements.</summary>
    public long ReceivedAt { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>
    /// When the fake's rate limits counted it (its clock), null when they did not (refused, or limits off): what a test
    /// counts in a window, not <see cref="ReceivedAt"/>, which a pause of the process can move apart from it.
    /// </summary>
    public DateTimeOffset? CountedAt { get; set; }

    /// <summary>The activity id the fake answered a message with (set before the answer leaves), null for anything else.</summary>
    public string? AnsweredActivityId { get; set; }

    public JsonNode? Json => string.IsNullOrWhiteSpace(Body) || Body[0] is not ('{' or '[') ? null : JsonNode.Parse(Body);
}

/// <summary>A canned failure for the next connector call(s).</summary>
public sealed record Fault(int Status, string? Code = null, string? RetryAfter = null)
{
    /// <summary>The error's message in the body; "<c>Code</c> (fake)" when null.</summary>
    public string? Message { get; init; }

    /// <summary>Answers the call normally: queued first, it makes the fault after it hit a later call.</summary>
    public static readonly Fault Pass = new(0);
}

/// <summary>
/// The Bot Framework as a test sees it, on loopback over plain http: OpenID metadata and JWKS (with endorsements)
/// for Bot Framework and Entra ID keys, an OAuth token endpoint, and the connector's <c>/v3</c> routes, recording
/// everything and answering like the real service: throttled over Teams' rate limits, refusing recipients that are
/// gone, or failing on demand (see FakeConnector.Messages.cs).
/// </summary>
public sealed partial class FakeConnector : IAsyncDisposable
{
    private readonly FakeBotFramework _server;
    private readonly bool _ownsServer;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly List<TestKey> _botFrameworkKeys;
    private readonly List<TestKey> _entraKeys;
    private int _connections;
    private int _nextActivity;

    internal FakeConnector(FakeBotFramework server, bool ownsServer, TimeProvider time)
    {
        _server = server;
        _ownsServer = ownsServer;
        _time = time;
        _botFrameworkKeys = [Endorsed, NotEndorsed];
        _entraKeys = [Entra];
    }

    // RSA key generation is slow on a small machine: the keys are made once per test run and shared by every fake.
    private static readonly TestKey SharedEndorsed = new("bf-msteams", ["msteams", "skype", "webchat"]);
    private static readonly TestKey SharedNotEndorsed = new("bf-webchat", ["webchat"]);
    private static readonly TestKey SharedEntra = new("entra-1", null);
    private static readonly TestKey SharedUnknown = new("unknown-key", ["msteams"]);
    private static readonly TestKey SharedIssuer = new("token-issuer", null);

    /// <summary>Published in the Bot Framework JWKS, endorsed for <c>msteams</c>.</summary>
    public TestKey Endorsed => SharedEndorsed;
    /// <summary>Published in the Bot Framework JWKS, endorsed for another channel only.</summary>
    public TestKey NotEndorsed => SharedNotEndorsed;
    /// <summary>Published in the Entra ID JWKS, without endorsements (as Entra publishes them).</summary>
    public TestKey Entra => SharedEntra;
    /// <summary>Published nowhere.</summary>
    public TestKey Unknown => SharedUnknown;
    /// <summary>Signs the access tokens the fake token endpoint issues.</summary>
    public TestKey Issuer => SharedIssuer;

    public string BaseUrl => _server.BaseUrl;
    /// <summary>The fake's <c>host:port</c>, as <c>Teams:AllowedServiceHosts</c> lists it.</summary>
    public string ServiceHost => new Uri(BaseUrl).Authority;
    /// <summary>A Teams-like regional service URL served by the fake.</summary>
    public string ServiceUrl => BaseUrl + "/amer/";
    public string BotFrameworkMetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public string EntraMetadataUrl => BaseUrl + "/common/v2.0/.well-known/openid-configuration";
    public string TokenAuthority => BaseUrl + "/botframework.com";

    /// <summary>The configuration that points the Teams adapter at this fake: the bot's credentials, metadata, token authority, service host.</summary>
    public IReadOnlyDictionary<string, string> AdapterSettings => new Dictionary<string, string>
    {
        ["Teams:AppId"] = TestIds.AppId,
        ["Teams:AppPassword"] = TestIds.AppPassword,
        ["Teams:OpenIdMetadataUrl"] = BotFrameworkMetadataUrl,
        ["Teams:EntraOpenIdMetadataUrl"] = EntraMetadataUrl,
        ["Teams:TokenAuthority"] = TokenAuthority,
        ["Teams:AllowedServiceHosts:0"] = ServiceHost,
    };

    /// <summary>
    /// The network between the bot and the connector: each connector call waits a random time in this range before it
    /// arrives (is recorded, counted against the limits and answered). Null: no delay.
    /// </summary>
    public (TimeSpan Min, TimeSpan Max)? NetworkDelay { get; set; }

    public ConcurrentQueue<RecordedRequest> ConnectorRequests { get; } = new();
    public ConcurrentQueue<RecordedRequest> TokenRequests { get; } = new();
    public ConcurrentQueue<RecordedRequest> OtherRequests { get; } = new();
    private int _botFrameworkKeyFetches;
    private int _entraKeyFetches;
    public int BotFrameworkKeyFetches => Volatile.Read(ref _botFrameworkKeyFetches);
    public int EntraKeyFetches => Volatile.Read(ref _entraKeyFetches);
    /// <summary>TCP connections accepted, whatever was (or was not) sent on them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    internal void CountConnection() => Interlocked.Increment(ref _connections);

    /// <summary>A fake on a server of its own; a test class takes its fakes from a <see cref="FakeBotFramework"/> fixture instead.</summary>
    /// <param name="time">The clock of the rate-limit windows.</param>
    public static async Task<FakeConnector> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeBotFramework();
        await server.InitializeAsync();
        return server.Add(time, ownsServer: true);
    }

    /// <summary>The next connector call gets this answer instead of a success.</summary>
    public void FailNext(Fault fault) => _faults.Enqueue(fault);

    /// <summary>Adds a key to the Bot Framework JWKS, as a key rotation would.</summary>
    public void PublishBotFrameworkKey(TestKey key)
    {
        lock (_botFrameworkKeys) _botFrameworkKeys.Add(key);
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (NetworkDelay is { } delay && (request.Path.Value ?? "").Contains("/v3/", StringComparison.Ordinal))
            await Task.Delay(delay.Min + (delay.Max - delay.Min) * Random.Shared.NextDouble(), _time);
        var recorded = new RecordedRequest(request.Method, context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            request.Headers.Authorization.FirstOrDefault(), body);
        var path = request.Path.Value ?? "";

        switch (path)
        {
            case "/v1/.well-known/openidconfiguration":
                await Json(context, Metadata("https://api.botframework.com", BaseUrl + "/v1/keys"));
                return;
            case "/v1/keys":
                Interlocked.Increment(ref _botFrameworkKeyFetches);
                JsonObject published;
                lock (_botFrameworkKeys) published = Jwks(_botFrameworkKeys);
                await Json(context, published);
                return;
            case "/common/v2.0/.well-known/openid-configuration":
                await Json(context, Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", BaseUrl + "/common/discovery/v2.0/keys"));
                return;
            case "/common/discovery/v2.0/keys":
                Interlocked.Increment(ref _entraKeyFetches);
                await Json(context, Jwks(_entraKeys));
                return;
        }

        if (request.Method == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            TokenRequests.Enqueue(recorded);
            var form = QueryHelpers.ParseQuery(body);
            if (form["client_secret"] != TestIds.AppPassword)
            {
                context.Response.StatusCode = 401;
                await Json(context, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: Invalid client secret provided." });
                return;
            }
            await Json(context, IssueToken(form["client_id"].ToString()));
            return;
        }

        var v3 = path.IndexOf("/v3/", StringComparison.Ordinal);
        if (v3 >= 0)
        {
            // Read before the body may be dropped; one record then serves every list, so the answer's id is on it.
            var json = recorded.Json as JsonObject;
            var kept = KeepBodies ? recorded : recorded with { Body = "" };
            ConnectorRequests.Enqueue(kept);
            CheckWaiters();
            await AnswerConnectorAsync(context, kept, json, path[(v3 + 3)..]);
            // Again once answered: a condition on what was delivered holds only now.
            CheckWaiters();
            return;
        }

        OtherRequests.Enqueue(recorded);
        context.Response.StatusCode = 404;
    }

    private async Task AnswerConnectorAsync(HttpContext context, RecordedRequest recorded, JsonObject? json, string route)
    {
        var method = recorded.Method;
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var call = ConnectorCall.Of(method, segments, json);
        await HeldAsync(call);
        if (Refusal(call, recorded) is { } refusal)
        {
            await AnswerFaultAsync(context, refusal);
            return;
        }

        var activityId = $"1700000000{Interlocked.Increment(ref _nextActivity):000}";
        switch (method, segments)
        {
            case ("POST", ["conversations"]):
                context.Response.StatusCode = 201;
                recorded.AnsweredActivityId = activityId;
                Deliver(call, recorded);
                Posted(activityId, call);
                await Json(context, new JsonObject { ["id"] = $"{call.ConversationId ?? "unknown"};messageid={activityId}", ["activityId"] = activityId });
                return;
            case ("POST", ["conversations", _, "activities", ..]):
                context.Response.StatusCode = 201;
                recorded.AnsweredActivityId = activityId;
                Deliver(call, recorded);
                Posted(activityId, call);
                await Json(context, new JsonObject { ["id"] = activityId });
                return;
            case ("DELETE", ["conversations", var conversation, "activities", var deleted]):
                if (!TryDelete(Uri.UnescapeDataString(conversation), Uri.UnescapeDataString(deleted)))
                {
                    context.Response.StatusCode = 404;
                    await Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = "ActivityNotFound", ["message"] = "Activity not found." } });
                }
                return;
            case ("PUT", ["conversations", _, "activities", var updated]):
                await Json(context, new JsonObject { ["id"] = updated });
                return;
            case ("GET", ["teams", var team, "conversations"]):
                await Json(context, new JsonObject
                {
                    ["conversations"] = new JsonArray(
                        new JsonObject { ["id"] = team },
                        new JsonObject { ["id"] = TestIds.OtherChannelId, ["name"] = "Veille" }),
                });
                return;
            default:
                context.Response.StatusCode = 404;
                await Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFound", ["message"] = route } });
                return;
        }
    }

    private async Task AnswerFaultAsync(HttpContext context, Fault fault)
    {
        if (fault.Status == 429) Interlocked.Increment(ref _tooManyRequests);
        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfter is not null)
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        if (fault.Code is not null)
            await Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = fault.Code, ["message"] = fault.Message ?? $"{fault.Code} (fake)" } });
    }

    private JsonObject IssueToken(string clientId)
    {
        var token = TestTokens.Sign(new TokenSpec
        {
            Key = Issuer,
            Issuer = "https://login.microsoftonline.com/botframework.com/v2.0",
            Audience = "https://api.botframework.com",
            Claims = new Dictionary<string, string> { ["appid"] = clientId },
        });
        return new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = token };
    }

    private static JsonObject Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private static JsonObject Jwks(IEnumerable<TestKey> keys) => new() { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Jwk())]) };

    private static async Task Json(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var conversation in _held.Keys) Release(conversation);
        if (_ownsServer) await _server.DisposeAsync();
        else _server.Remove(this);
    }
}
