using System.Security.Claims;

namespace SocialReport.Teams.Auth;

/// <summary>Who signed the token an activity came with.</summary>
internal enum TokenIssuer { None, BotFramework, EntraId }

/// <summary>The verdict on an inbound request's token; <see cref="Failure"/> says why, for the logs (never for the caller).</summary>
internal sealed record TokenValidation
{
    public ClaimsIdentity? Identity { get; private init; }
    public string? Failure { get; private init; }
    public TokenIssuer Issuer { get; private init; }

    public bool Succeeded => Failure is null;

    public static TokenValidation Accepted(ClaimsIdentity identity, TokenIssuer issuer) => new() { Identity = identity, Issuer = issuer };

    /// <summary>No token checked: <c>Teams:AllowUnauthenticated</c> is on.</summary>
    public static TokenValidation Anonymous() => new() { Identity = new ClaimsIdentity(), Issuer = TokenIssuer.None };

    public static TokenValidation Rejected(string failure) => new() { Failure = failure };
}
