namespace SocialReport.Teams;

/// <summary>The Teams adapter's settings (configuration section <c>Teams</c>).</summary>
internal sealed class TeamsOptions
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
    /// without one. Off by default; refused at start-up outside the Development environment or with an
    /// <see cref="AppPassword"/>; a warning is logged at start-up.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }
    /// <summary>
    /// The only hosts (<c>host</c> or <c>host:port</c>, matched exactly) whose service URLs are accepted in activities
    /// and called; empty: <see cref="PublicServiceHosts"/>. A loopback address listed here is called over plain http
    /// (a local emulator, a test's fake).
    /// </summary>
    public List<string> AllowedServiceHosts { get; set; } = [];
    /// <summary>The tenants (GUIDs) activities may come from; empty: <see cref="TenantId"/> when it is a GUID, else any.</summary>
    public List<string> AllowedTenants { get; set; } = [];
    /// <summary>The <c>channelId</c> activities must carry.</summary>
    public string ChannelId { get; set; } = "msteams";

    /// <summary>
    /// The Teams connector hosts, as the Microsoft 365 Agents SDK lists them (<c>TeamsProactiveServiceEndpoints</c>):
    /// public cloud (its regions are paths such as <c>/amer/</c>, <c>/emea/</c>, <c>/teams/</c>), GCC, GCC High, DoD.
    /// </summary>
    public static readonly IReadOnlyList<string> PublicServiceHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    public bool Enabled => !string.IsNullOrEmpty(AppId) || AllowUnauthenticated;

    /// <summary>Whether outbound calls carry a token: only with both an app id and its password.</summary>
    public bool SendsTokens => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppPassword);

    /// <summary>The service hosts in force: <see cref="AllowedServiceHosts"/>, or the public ones when it is empty.</summary>
    public IReadOnlyList<string> ServiceHosts => AllowedServiceHosts.Count > 0 ? AllowedServiceHosts : PublicServiceHosts;

    /// <summary>The tenants activities may come from; empty: any.</summary>
    public IReadOnlyList<string> Tenants =>
        AllowedTenants.Count > 0 ? AllowedTenants : Guid.TryParse(TenantId, out _) ? [TenantId!] : [];

    public string Authority => string.IsNullOrWhiteSpace(TokenAuthority)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}"
        : TokenAuthority.TrimEnd('/');
}
