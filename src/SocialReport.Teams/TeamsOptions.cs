namespace SocialReport.Teams;

/// <summary>The Teams adapter's settings (configuration section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string PublicCloudMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string EntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's Microsoft App ID (the Entra application's client id); set: full authentication both ways.</summary>
    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    /// <summary>Set for a single-tenant bot; empty for a multi-tenant one.</summary>
    public string? TenantId { get; set; }
    /// <summary>Bot Framework signing keys (US Gov: <c>https://login.botframework.azure.us/v1/.well-known/openidconfiguration</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = PublicCloudMetadataUrl;
    /// <summary>Entra ID signing keys, for the tokens the Bot Service issues through Entra.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = EntraMetadataUrl;
    /// <summary>The issuer of Bot Framework tokens (US Gov: <c>https://api.botframework.us</c>).</summary>
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";
    /// <summary>Where outbound tokens come from; default <c>https://login.microsoftonline.com/{TenantId or botframework.com}</c>.</summary>
    public string? TokenAuthority { get; set; }
    /// <summary>What outbound tokens are for (US Gov: <c>https://api.botframework.us/.default</c>).</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";
    /// <summary>
    /// Local emulators only: activities without a token are accepted, and without an app id the connector is called
    /// without one. Off by default; a warning is logged at start-up.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(AppId) || AllowUnauthenticated;

    /// <summary>Whether outbound calls carry a token: only with both an app id and its password.</summary>
    public bool SendsTokens => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppPassword);

    public string Authority => string.IsNullOrWhiteSpace(TokenAuthority)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}"
        : TokenAuthority.TrimEnd('/');
}
