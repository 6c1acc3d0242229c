namespace SocialReport.Testing.Teams;

/// <summary>
/// Failures drawn at random (from <paramref name="Seed"/>) for the messages the bot posts: a share throttled with
/// <c>Retry-After</c>, a share failing with 500, 502, 503 or 504 without one. Either way the message is not delivered.
/// </summary>
public sealed record RandomFaults(double ThrottledShare, double ServerErrorShare, int Seed = 1)
{
    public int RetryAfterSeconds { get; init; } = 1;

    private static readonly (int Status, string Code)[] ServerErrors =
        [(500, "InternalServerError"), (502, "BadGateway"), (503, "ServiceUnavailable"), (504, "GatewayTimeout")];

    /// <summary>The fault for the next message, or null to answer it normally.</summary>
    internal Fault? Draw(Random random)
    {
        var roll = random.NextDouble();
        if (roll < ThrottledShare)
            return new Fault(429, "Throttled", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (roll < ThrottledShare + ServerErrorShare)
        {
            var (status, code) = ServerErrors[random.Next(ServerErrors.Length)];
            return new Fault(status, code);
        }
        return null;
    }
}

/// <summary>Why a recipient can no longer be reached, as the connector says it.</summary>
public enum RecipientGone
{
    /// <summary>403 <c>MessageWritesBlocked</c>: the user blocked the bot.</summary>
    Blocked,
    /// <summary>404 <c>ConversationNotFound</c>: the conversation was deleted or the app uninstalled.</summary>
    NotFound,
}
