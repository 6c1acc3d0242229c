using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace SocialReport.Testing.Teams;

/// <summary>What goes into a test token; every part can be made wrong on purpose.</summary>
public sealed record TokenSpec
{
    public required TestKey Key { get; init; }
    /// <summary>The header's key id; defaults to the signing key's (set it to another key's to forge a signature).</summary>
    public string? Kid { get; init; }
    public string Alg { get; init; } = "RS256";
    public string? Issuer { get; init; } = TestIds.BotFrameworkIssuer;
    public string? Audience { get; init; } = TestIds.AppId;
    public string? ServiceUrl { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public IReadOnlyDictionary<string, string>? Claims { get; init; }
}

/// <summary>Signs JWTs by hand, so that the header (alg, kid) and the payload can disagree with the key.</summary>
public static class TestTokens
{
    /// <summary>The shared secret of forged HS256 tokens.</summary>
    private static readonly byte[] HmacSecret = RandomNumberGenerator.GetBytes(32);

    public static string Sign(TokenSpec spec, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var header = new JsonObject { ["alg"] = spec.Alg, ["typ"] = "JWT", ["kid"] = spec.Kid ?? spec.Key.Kid };
        var payload = new JsonObject
        {
            ["iat"] = (now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds(),
            ["nbf"] = (spec.NotBefore ?? now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds(),
            ["exp"] = (spec.Expires ?? now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
        };
        if (spec.Issuer is not null) payload["iss"] = spec.Issuer;
        if (spec.Audience is not null) payload["aud"] = spec.Audience;
        if (spec.ServiceUrl is not null) payload["serviceurl"] = spec.ServiceUrl;
        foreach (var (name, value) in spec.Claims ?? new Dictionary<string, string>())
            payload[name] = value;

        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = spec.Alg switch
        {
            "RS256" => spec.Key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => spec.Key.Rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => spec.Key.Rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => spec.Key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "HS256" => HMACSHA256.HashData(HmacSecret, data),
            "none" => [],
            _ => throw new ArgumentException($"No test signing for {spec.Alg}."),
        };
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}

/// <summary>The ids the tests' bot, tenant and conversations use.</summary>
public static class TestIds
{
    public const string AppId = "0b7f3c52-7a4e-4a4f-9f3e-2d7a6f1c9e11";
    public const string AppPassword = "test-secret";
    public const string BotId = "28:" + AppId;
    public const string BotName = "SocialReport";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotServiceTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string UserAadObjectId = "6b2c7e1a-0d4f-4a57-8c1e-3f5d2a9b7c40";
    public const string UserId = "29:1a2b3c4d5e6f-user";
    public const string PersonalConversationId = "a:1pYgKd3hsGxv8zZ9Qw-personal";
    public const string TeamId = "19:team0f1e2d3c4b5a@thread.tacv2";
    public const string OtherChannelId = "19:veille9a8b7c6d@thread.tacv2";
}
