using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SocialReport.Teams.Auth;

/// <summary>
/// The signing keys published at one OpenID metadata URL, cached and refreshed by a
/// <see cref="ConfigurationManager{T}"/>. Keys are looked up by id, with their <c>endorsements</c> (the channels a Bot
/// Framework key may sign for).
/// </summary>
internal sealed class SigningKeySource
{
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(10);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly NotifyingRetriever _retriever = new();
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastForcedRefresh;

    public SigningKeySource(string metadataUrl, HttpClient httpClient, TimeProvider time)
    {
        MetadataUrl = metadataUrl;
        _time = time;
        var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = !Loopback.IsHttp(metadataUrl) };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, _retriever, documents);
    }

    public string MetadataUrl { get; }

    /// <summary>
    /// The key with this id. An unknown id makes the source fetch the metadata again, once per refresh interval
    /// (5 minutes), so that a key rotation is seen at once and a stream of forged ids costs nothing.
    /// </summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken);
        var key = Find(configuration, keyId);
        if (key is not null || !TryClaimRefresh())
            return key;

        // ConfigurationManager refreshes in the background; wait for that retrieval to land before looking again.
        var refreshed = _retriever.NextRetrieval;
        _manager.RequestRefresh();
        _ = await _manager.GetConfigurationAsync(cancellationToken);
        var deadline = _time.GetUtcNow() + RefreshWait;
        try
        {
            await refreshed.WaitAsync(RefreshWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        // The retrieval has landed, but the manager swaps in the new configuration a moment later.
        var latest = await _manager.GetConfigurationAsync(cancellationToken);
        while (ReferenceEquals(latest, configuration) && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
            latest = await _manager.GetConfigurationAsync(cancellationToken);
        }
        return Find(latest, keyId);
    }

    private bool TryClaimRefresh()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < _manager.RefreshInterval)
                return false;
            _lastForcedRefresh = now;
            return true;
        }
    }

    private static SigningKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var jwk = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (jwk is null) return null;
        var securityKey = configuration.SigningKeys.FirstOrDefault(k => k.KeyId == keyId);
        return securityKey is null ? null : new SigningKey(securityKey, Endorsements(jwk), configuration.Issuer);
    }

    /// <summary>The <c>endorsements</c> array of a JWKS entry, kept by Microsoft.IdentityModel among the unknown members; null when absent.</summary>
    private static List<string>? Endorsements(JsonWebKey jwk)
    {
        if (!jwk.AdditionalData.TryGetValue("endorsements", out var value))
            return null;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            IEnumerable<object> items => items.OfType<string>().ToList(),
            _ => [],
        };
    }

    /// <summary>Signals each completed retrieval, so that a caller can wait for a refresh it requested.</summary>
    private sealed class NotifyingRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task NextRetrieval => Volatile.Read(ref _next).Task;

        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            try
            {
                return await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
            }
            finally
            {
                Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }
}

/// <param name="Endorsements">The channels the key may sign for; null when the JWKS entry has no <c>endorsements</c> (Entra ID keys).</param>
internal sealed record SigningKey(SecurityKey Key, IReadOnlyList<string>? Endorsements, string? MetadataIssuer);
