namespace SocialReport.Teams.Protocol;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke (Action.Execute). The bot answers the command with messages
/// of its own, so the invoke only says it was taken.
/// </summary>
internal sealed record InvokeResponse(int StatusCode, string Type, string Value)
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public static readonly InvokeResponse Acknowledged = new(200, "application/vnd.microsoft.activity.message", "OK");
}
