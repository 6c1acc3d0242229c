namespace SocialReport.Teams;

/// <summary>The log lines of SocialReport.Teams, as source-generated methods; event ids 4001 and up.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Teams request rejected: {Reason}")]
    public static partial void TeamsRequestRejected(this ILogger logger, string? reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Teams reply in {Chat} not delivered: {Outcome}")]
    public static partial void TeamsReplyNotDelivered(this ILogger logger, ChatKey chat, SendOutcome outcome);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Teams app installed in {Chat} ({Type})")]
    public static partial void TeamsAppInstalled(this ILogger logger, ChatKey chat, string? type);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Teams welcome in {Chat} not delivered: {Outcome}")]
    public static partial void TeamsWelcomeNotDelivered(this ILogger logger, ChatKey chat, SendOutcome outcome);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Teams app removed from {Chat}")]
    public static partial void TeamsAppRemoved(this ILogger logger, ChatKey chat);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "No Teams conversation reference stored for {Chat}: no status message there.")]
    public static partial void TeamsConversationReferenceMissing(this ILogger logger, ChatKey chat);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Teams edition {Edition} to {Chat}: story {Story} refused, the others go on: {Outcome}")]
    public static partial void TeamsStoryRefused(this ILogger logger, string edition, ChatKey chat, int story, SendOutcome outcome);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Teams edition {Edition} to {Chat} stopped at story {Story}, the rest is left out: {Outcome}")]
    public static partial void TeamsEditionStopped(this ILogger logger, string edition, ChatKey chat, int story, SendOutcome outcome);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Teams connector {Method} {Url}: {Outcome}")]
    public static partial void TeamsConnectorCallFailed(this ILogger logger, HttpMethod method, string url, SendOutcome outcome);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Teams request rejected: no Authorization header")]
    public static partial void TeamsRequestWithoutAuthorization(this ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Teams {Type} activity {Id} failed")]
    public static partial void TeamsActivityFailed(this ILogger logger, Exception exception, string type, string? id);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Teams adapter off: set Teams:AppId (and Teams:AppPassword) to turn it on.")]
    public static partial void TeamsAdapterOff(this ILogger logger);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Teams adapter UNAUTHENTICATED (Teams:AllowUnauthenticated=true): activities are accepted without a token, and the connector is called without one. For local emulators only (Development environment).")]
    public static partial void TeamsAdapterUnauthenticated(this ILogger logger);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Teams adapter on for app {AppId} ({Tenancy}).")]
    public static partial void TeamsAdapterOn(this ILogger logger, string? appId, string tenancy);
}
