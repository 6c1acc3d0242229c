using SocialReport.Core;
using SocialReport.Teams.Inbound;

namespace SocialReport.Teams;

/// <summary>The Teams channel's settings for the core: the connector's limits as pacing defaults, Entra object ids as editors.</summary>
internal static class TeamsChannel
{
    public static ChannelSettings Settings { get; } = new(TeamsActivityParser.Channel, "Teams")
    {
        // Bot Connector: per conversation 7/1s, 8/2s, 60/30s, 1800/1h; about 50 a second per tenant, where a 429 pauses.
        PacingDefaults = () => new ChannelPacingOptions
        {
            MessagesPerSecond = 50,
            PerChat = "7/1s,8/2s,60/30s,1800/1h",
            PerPacingGroup = "50/1s",
            RetryAfterPauses = ThrottleScope.Group,
        },
        EditorIdProblem = EditorIdProblem,
    };

    private static string? EditorIdProblem(string id) =>
        ChannelSettings.IsPlaceholder(id) || (Guid.TryParse(id, out var guid) && guid == Guid.Empty)
            ? "is a placeholder: put your Entra object id, or remove it."
            : !Guid.TryParse(id, out _) ? "is not an Entra object id (a GUID)." : null;
}
