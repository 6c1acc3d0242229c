using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialReport.Teams.Auth;

/// <summary>
/// Checks the JWT the Bot Connector sends with each activity, before anything of the activity is used: Bot Framework
/// tokens (issuer <c>https://api.botframework.com</c>, keys endorsed for the channel, <c>serviceurl</c> claim) and the
/// Entra ID tokens the Bot Service is moving to.
/// </summary>
public sealed class BotFrameworkTokenValidator
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

    private readonly TeamsOptions options;
    private readonly SigningKeySource botFrameworkKeys;
    private readonly SigningKeySource entraKeys;
    private readonly HashSet<string> botServiceIssuers;
    private readonly HashSet<string> ownTenantIssuers;
    private readonly TimeProvider time;
    private readonly ILogger<BotFrameworkTokenValidator> logger;
    private readonly JsonWebTokenHandler handler = new();

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, HttpClient metadataClient, TimeProvider time, ILogger<BotFrameworkTokenValidator> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        botFrameworkKeys = new SigningKeySource(this.options.OpenIdMetadataUrl, metadataClient, time);
        entraKeys = new SigningKeySource(this.options.EntraOpenIdMetadataUrl, metadataClient, time);
        botServiceIssuers = IssuersOf(BotServiceTenants);
        ownTenantIssuers = string.IsNullOrWhiteSpace(this.options.TenantId) ? [] : IssuersOf([this.options.TenantId]);
    }

    /// <param name="authorizationHeader">The request's <c>Authorization</c> header, null when it had none.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (<c>msteams</c>), which the signing key must be endorsed for.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>, which the token's <c>serviceurl</c> claim must name.</param>
    public async Task<TokenValidation> ValidateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorizationHeader, channelId, serviceUrl, cancellationToken);
        if (!result.Succeeded)
            logger.LogWarning("Teams request rejected: {Reason}", result.Failure);
        return result;
    }

    private async Task<TokenValidation> CheckAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return options.AllowUnauthenticated ? TokenValidation.Anonymous() : TokenValidation.Rejected("no Authorization header");
        if (string.IsNullOrEmpty(options.AppId))
            return options.AllowUnauthenticated ? TokenValidation.Anonymous() : TokenValidation.Rejected("no Teams:AppId configured");

        if (!authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Rejected("the Authorization header is not a Bearer token");
        var raw = authorizationHeader["Bearer ".Length..].Trim();

        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenValidation.Rejected("the token is not a JWT");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
            return TokenValidation.Rejected($"signing algorithm '{token.Alg}' is not allowed");
        if (string.IsNullOrEmpty(token.Kid))
            return TokenValidation.Rejected("the token names no signing key");
        if (string.IsNullOrEmpty(channelId))
            return TokenValidation.Rejected("the activity has no channelId");

        var (issuer, keys) = token.Issuer switch
        {
            var i when i == options.BotFrameworkIssuer => (TokenIssuer.BotFramework, botFrameworkKeys),
            var i when botServiceIssuers.Contains(i) || ownTenantIssuers.Contains(i) => (TokenIssuer.EntraId, entraKeys),
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

        var validated = await handler.ValidateTokenAsync(raw, Parameters(token.Issuer, key.Key));
        if (!validated.IsValid)
            return TokenValidation.Rejected($"invalid token: {validated.Exception?.GetType().Name}: {validated.Exception?.Message}");
        var identity = validated.ClaimsIdentity;

        var claimedServiceUrl = identity.FindFirst("serviceurl")?.Value;
        if (issuer == TokenIssuer.BotFramework && claimedServiceUrl is null)
            return TokenValidation.Rejected("the token has no serviceurl claim");
        if (claimedServiceUrl is not null && !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Rejected($"the token's serviceurl '{claimedServiceUrl}' is not the activity's '{serviceUrl}'");

        if (issuer == TokenIssuer.EntraId)
        {
            var caller = CallerAppId(identity);
            if (caller is null)
                return TokenValidation.Rejected("the Entra ID token names no calling application (appid/azp)");
            // Anyone in the bot's own tenant can get a token for its app id: there, only the bot's own credentials count.
            if (ownTenantIssuers.Contains(token.Issuer) && !botServiceIssuers.Contains(token.Issuer) && caller != options.AppId)
                return TokenValidation.Rejected($"the Entra ID token was issued to '{caller}', not to the bot");
        }

        return TokenValidation.Accepted(identity, issuer);
    }

    /// <summary>v1 tokens name the caller in <c>appid</c>, v2 tokens in <c>azp</c>.</summary>
    private static string? CallerAppId(ClaimsIdentity identity) =>
        identity.FindFirst("ver")?.Value == "2.0"
            ? identity.FindFirst("azp")?.Value
            : identity.FindFirst("appid")?.Value ?? identity.FindFirst("azp")?.Value;

    private TokenValidationParameters Parameters(string issuer, SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudience = options.AppId,
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
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } end && now - ClockSkew < end && (notBefore is not { } start || start <= now + ClockSkew);
    }

    private static HashSet<string> IssuersOf(IEnumerable<string> tenants) =>
        tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
}
