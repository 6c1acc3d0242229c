using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialReport.Teams.Outbound;

namespace SocialReport.Teams.Auth;

/// <summary>
/// Checks the JWT the Bot Connector sends with each activity, before anything of the activity is used: Bot Framework
/// tokens (issuer <c>https://api.botframework.com</c>, keys endorsed for the channel, <c>serviceurl</c> claim) and the
/// Entra ID tokens the Bot Service is moving to; and the activity's origin: its channel, its service URL (on the
/// allow-list, whether a token came or not) and its tenant.
/// </summary>
internal sealed class BotFrameworkTokenValidator
{
    /// <summary>The Bot Service's own Entra tenants (public cloud, and those its documentation lists).</summary>
    public static readonly IReadOnlyList<string> BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly SigningKeySource _botFrameworkKeys;
    private readonly SigningKeySource _entraKeys;
    /// <summary>The Entra ID issuers trusted, each with its tenant.</summary>
    private readonly Dictionary<string, string> _entraIssuers;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkTokenValidator(
        IOptions<TeamsOptions> options, ServiceUrlAllowList serviceUrls, HttpClient metadataClient, TimeProvider time, ILogger<BotFrameworkTokenValidator> logger)
    {
        _options = options.Value;
        _serviceUrls = serviceUrls;
        _time = time;
        _logger = logger;
        _botFrameworkKeys = new SigningKeySource(_options.OpenIdMetadataUrl, metadataClient, time);
        _entraKeys = new SigningKeySource(_options.EntraOpenIdMetadataUrl, metadataClient, time);
        // A single-tenant bot's own tenant issues tokens too; a multi-tenant bot trusts no tenant but the Bot Service's.
        _entraIssuers = IssuersOf(string.IsNullOrWhiteSpace(_options.TenantId) ? BotServiceTenants : [.. BotServiceTenants, _options.TenantId]);
    }

    /// <param name="authorizationHeader">The request's <c>Authorization</c> header, null when it had none.</param>
    /// <param name="origin">
    /// The activity's channel (<see cref="TeamsOptions.ChannelId"/>, which the signing key must be endorsed for), service URL
    /// (on the allow-list, and named by the token's <c>serviceurl</c> claim) and tenants (<see cref="TeamsOptions.Tenants"/>).
    /// </param>
    public async Task<TokenValidation> ValidateAsync(string? authorizationHeader, ActivityOrigin origin, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorizationHeader, origin, cancellationToken);
        if (!result.Succeeded)
            _logger.TeamsRequestRejected(result.Failure);
        return result;
    }

    private async Task<TokenValidation> CheckAsync(string? authorizationHeader, ActivityOrigin origin, CancellationToken cancellationToken)
    {
        var noHeader = string.IsNullOrWhiteSpace(authorizationHeader);
        var anonymous = noHeader || string.IsNullOrEmpty(_options.AppId);
        if (anonymous && !_options.AllowUnauthenticated)
            return TokenValidation.Rejected(noHeader ? "no Authorization header" : "no Teams:AppId configured");
        if (OriginFailure(origin) is { } originFailure)
            return TokenValidation.Rejected(originFailure);
        if (anonymous)
            return TokenValidation.Anonymous();
        var (channelId, serviceUrl) = (origin.ChannelId, origin.ServiceUrl);

        if (!authorizationHeader!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Rejected("the Authorization header is not a Bearer token");
        var raw = authorizationHeader["Bearer ".Length..].Trim();

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenValidation.Rejected("the token is not a JWT");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
            return TokenValidation.Rejected($"signing algorithm '{token.Alg}' is not allowed");
        if (string.IsNullOrEmpty(token.Kid))
            return TokenValidation.Rejected("the token names no signing key");

        var (issuer, keys) = token.Issuer switch
        {
            var i when i == _options.BotFrameworkIssuer => (TokenIssuer.BotFramework, _botFrameworkKeys),
            var i when _entraIssuers.ContainsKey(i) => (TokenIssuer.EntraId, _entraKeys),
            _ => (TokenIssuer.None, null),
        };
        if (keys is null)
            return TokenValidation.Rejected($"issuer '{token.Issuer}' is not trusted");

        SigningKey? key;
        try
        {
            key = await keys.FindAsync(token.Kid, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return TokenValidation.Rejected($"signing keys unavailable from {keys.MetadataUrl}: {e.Message}");
        }
        if (key is null)
            return TokenValidation.Rejected($"unknown signing key '{token.Kid}'");

        // Bot Framework keys say which channels they sign for; Entra ID keys say nothing, but one that does must agree.
        if (key.Endorsements is null ? issuer == TokenIssuer.BotFramework : !key.Endorsements.Contains(channelId, StringComparer.Ordinal))
            return TokenValidation.Rejected($"signing key '{token.Kid}' is not endorsed for channel '{channelId}'");

        var validated = await _handler.ValidateTokenAsync(raw, Parameters(token.Issuer, key.Key));
        if (!validated.IsValid)
            return TokenValidation.Rejected($"invalid token: {validated.Exception?.GetType().Name}: {validated.Exception?.Message}");
        var identity = validated.ClaimsIdentity;

        var claimedServiceUrl = identity.FindFirst("serviceurl")?.Value;
        if (issuer == TokenIssuer.BotFramework && claimedServiceUrl is null)
            return TokenValidation.Rejected("the token has no serviceurl claim");
        if (claimedServiceUrl is not null && !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Rejected($"the token's serviceurl '{claimedServiceUrl}' is not the activity's '{serviceUrl}'");

        if (issuer == TokenIssuer.EntraId && EntraCallerFailure(identity, _entraIssuers[token.Issuer]) is { } callerFailure)
            return TokenValidation.Rejected(callerFailure);

        return TokenValidation.Accepted(identity, issuer);
    }

    /// <summary>Why the activity may not be taken from where it says it comes from; null when it may.</summary>
    private string? OriginFailure(ActivityOrigin origin)
    {
        if (!string.Equals(origin.ChannelId, _options.ChannelId, StringComparison.Ordinal))
            return $"the activity's channel '{Shown(origin.ChannelId)}' is not '{_options.ChannelId}' (Teams:ChannelId)";
        if (_serviceUrls.Refusal(origin.ServiceUrl) is { } refusal)
            return refusal;
        var tenants = _options.Tenants;
        if (tenants.Count > 0 && (origin.TenantIds.Count == 0 || origin.TenantIds.Any(t => !tenants.Contains(t, StringComparer.OrdinalIgnoreCase))))
            return $"the activity's tenant '{Shown(string.Join(", ", origin.TenantIds))}' is not allowed (Teams:AllowedTenants, Teams:TenantId)";
        return null;
    }

    /// <summary>
    /// Whether an Entra ID token comes from the Bot Service for this bot, as the Bot Framework SDK decides
    /// (<c>JwtTokenValidation</c>, <c>EmulatorValidation</c>, <c>SkillValidation</c>): the caller, in <c>appid</c> (v1) or
    /// <c>azp</c> (v2), must be the bot's own app id; a token another application got for the bot's app id is a
    /// bot-to-bot (skill) call, which this bot does not take. As the Agents SDK also checks, a <c>tid</c> must be the
    /// issuer's tenant.
    /// </summary>
    private string? EntraCallerFailure(ClaimsIdentity identity, string issuerTenant)
    {
        var version = identity.FindFirst("ver")?.Value;
        if (version is not ("1.0" or "2.0"))
            return $"the Entra ID token's version '{Shown(version ?? "")}' is neither 1.0 nor 2.0";
        var caller = identity.FindFirst(version == "1.0" ? "appid" : "azp")?.Value;
        if (caller is null)
            return "the Entra ID token names no calling application (appid/azp)";
        if (!string.Equals(caller, _options.AppId, StringComparison.OrdinalIgnoreCase))
            return $"the Entra ID token was issued to '{Shown(caller)}', not to the bot";
        if (identity.FindFirst("idtyp")?.Value == "user")
            return "the Entra ID token was issued to a user, not to an application";
        if (identity.FindFirst("tid")?.Value is { } tid && !string.Equals(tid, issuerTenant, StringComparison.OrdinalIgnoreCase))
            return $"the Entra ID token's tenant '{Shown(tid)}' is not its issuer's";
        return null;
    }

    /// <summary>A value the caller chose, cut for the log.</summary>
    private static string Shown(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private TokenValidationParameters Parameters(string issuer, SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        ValidAlgorithms = Algorithms,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => IsLive(notBefore, expires),
    };

    private bool IsLive(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now - ClockSkew < end && (notBefore is not { } start || start <= now + ClockSkew);
    }

    private static Dictionary<string, string> IssuersOf(IEnumerable<string> tenants) =>
        tenants.SelectMany(t => new[] { ($"https://sts.windows.net/{t}/", t), ($"https://login.microsoftonline.com/{t}/v2.0", t) })
            .DistinctBy(pair => pair.Item1, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);
}
