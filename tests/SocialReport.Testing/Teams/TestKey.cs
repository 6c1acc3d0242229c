using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace SocialReport.Testing.Teams;

/// <summary>An RSA signing key generated for the test run, published (or not) in the fake's JWKS.</summary>
public sealed class TestKey(string kid, IReadOnlyList<string>? endorsements) : IDisposable
{
    public string Kid { get; } = kid;
    public IReadOnlyList<string>? Endorsements { get; } = endorsements;
    public RSA Rsa { get; } = RSA.Create(2048);

    /// <summary>The JWKS entry, with the Bot Framework's <c>endorsements</c> when the key has some.</summary>
    public JsonObject Jwk()
    {
        var parameters = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]);
        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}
