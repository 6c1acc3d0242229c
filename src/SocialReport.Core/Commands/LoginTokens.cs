using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Commands;

/// <summary>A one-time sign-in link's token as kept: its SHA-256 (never the token), whose it is, and until when it works.</summary>
/// <param name="Editor">The editor it signs in, as <see cref="EditorId"/> writes it (<c>telegram:12345</c>).</param>
public sealed record LoginToken(string Hash, string Editor, DateTimeOffset ExpiresAt);

/// <summary>Where <see cref="LoginTokens"/> keeps its tokens.</summary>
public interface ILoginTokenStore
{
    void Save(LoginToken token);

    /// <summary>Removes and returns the token with this hash, if any: only one caller gets it.</summary>
    LoginToken? Take(string hash);

    /// <summary>Deletes the tokens expired at <paramref name="now"/>; how many.</summary>
    int DeleteExpired(DateTimeOffset now);
}

/// <summary>
/// The web console's one-time sign-in tokens: 256 random bits, valid <see cref="Lifetime"/>, used once. Only their hash
/// is stored, so that a copy of the store signs no one in.
/// </summary>
public sealed class LoginTokens(ILoginTokenStore store, IOptionsMonitor<EditorsOptions> editors, TimeProvider time, ILogger<LoginTokens> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Longer than any token this class makes; longer candidates are not even hashed.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>A new token for <paramref name="editor"/>; the expired ones are dropped meanwhile.</summary>
    public string Issue(string editor)
    {
        var now = time.GetUtcNow();
        store.DeleteExpired(now);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        store.Save(new LoginToken(Hash(token), editor, now + Lifetime));
        return token;
    }

    /// <summary>The editor the token signs in, once; null when it is unknown, used or expired, or its editor is no longer one.</summary>
    public string? Redeem(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var found = store.Take(Hash(token));
        if (found is null || found.ExpiresAt <= time.GetUtcNow() || !EditorId.IsListed(editors.CurrentValue, found.Editor))
        {
            logger.LoginTokenRefused(found?.Editor ?? "unknown");
            return null;
        }
        logger.EditorSignedIn(found.Editor);
        return found.Editor;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
