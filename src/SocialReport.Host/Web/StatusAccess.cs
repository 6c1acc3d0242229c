using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SocialReport.Host.Web;

/// <summary>
/// Who may see the status page: whoever presents <c>Web:StatusToken</c>, as a bearer token or through the sign-in form,
/// which leaves a signed, expiring cookie (keyed per process: a restart signs everyone out; a new token too).
/// Tokens are compared in constant time.
/// </summary>
internal sealed class StatusAccess(IOptionsMonitor<WebOptions> options, TimeProvider time)
{
    public const string CookieName = "sr_status";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public bool Enabled => !string.IsNullOrEmpty(options.CurrentValue.StatusToken);

    public bool IsToken(string? candidate) =>
        Enabled && candidate is not null && CryptographicOperations.FixedTimeEquals(Hash(candidate), Hash(options.CurrentValue.StatusToken));

    public bool IsSignedIn(HttpRequest request)
    {
        if (!Enabled)
            return false;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return IsToken(authorization["Bearer ".Length..].Trim());
        return request.Cookies.TryGetValue(CookieName, out var cookie) && IsValidCookie(cookie);
    }

    public void SignIn(HttpResponse response, bool secure)
    {
        var lifetime = options.CurrentValue.StatusSignInLifetime;
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Cookies.Append(CookieName, $"{expires}.{Signature(expires)}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    public static void SignOut(HttpResponse response, bool secure) =>
        response.Cookies.Delete(CookieName, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = secure, Path = "/" });

    private bool IsValidCookie(string cookie)
    {
        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(cookie.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return false;
        if (time.GetUtcNow().ToUnixTimeSeconds() >= expires)
            return false;
        var expected = Encoding.ASCII.GetBytes(Signature(cookie[..dot]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(cookie[(dot + 1)..]));
    }

    /// <summary>Binds the cookie to its expiry and to the current token.</summary>
    private string Signature(string expires) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, (byte[])[.. Encoding.UTF8.GetBytes(expires + "|"), .. Hash(options.CurrentValue.StatusToken)]));

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
