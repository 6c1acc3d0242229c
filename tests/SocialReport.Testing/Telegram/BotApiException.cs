using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

/// <summary>An error answer of the Bot API: its HTTP status is the error code, as on api.telegram.org.</summary>
public sealed class BotApiException : Exception
{
    public BotApiException() : this(500, "Internal Server Error") { }

    public BotApiException(string message) : this(400, message) { }

    public BotApiException(string message, Exception innerException) : base(message, innerException) => ErrorCode = 400;

    public BotApiException(int errorCode, string description, JsonObject? parameters = null) : base(description)
    {
        ErrorCode = errorCode;
        Parameters = parameters;
    }

    public int ErrorCode { get; }

    public string Description => Message;

    public JsonObject? Parameters { get; }

    public static BotApiException BadRequest(string what) => new(400, "Bad Request: " + what);

    public static BotApiException Forbidden(string what) => new(403, "Forbidden: " + what);

    public static BotApiException Conflict(string what) => new(409, "Conflict: " + what);

    public static BotApiException TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter });

    public static BotApiException ChatNotFound() => BadRequest("chat not found");

    public static BotApiException Migrated(long supergroupId) =>
        new(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = supergroupId });

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = ErrorCode, ["description"] = Description };
        if (Parameters is not null) body["parameters"] = Parameters.DeepClone();
        return body;
    }
}
