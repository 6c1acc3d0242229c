using System.Net;
using System.Text.Json;

namespace SocialReport.Teams.Outbound;

/// <summary>The connector's failures, mapped once to what the core does about them.</summary>
internal static class ConnectorErrors
{
    /// <summary>What to wait when the connector throttles without saying how long.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    public static SendOutcome Map(HttpStatusCode status, string? body, TimeSpan? retryAfter)
    {
        var (code, message) = ReadError(body);
        var reason = $"{(int)status} {code ?? status.ToString()}{(message is null ? "" : ": " + message)}";
        return (int)status switch
        {
            429 => new SendOutcome.RetryAfter(retryAfter ?? DefaultRetryDelay),
            412 or 502 or 503 or 504 => retryAfter is { } delay ? new SendOutcome.RetryAfter(delay) : new SendOutcome.Transient(reason),
            403 when code is "MessageWritesBlocked" => new SendOutcome.Blocked(reason),
            403 when code is "BotDisabledByAdmin" or "BotNotInConversationRoster" => new SendOutcome.Gone(reason),
            404 when code is "ConversationNotFound" => new SendOutcome.Gone(reason),
            >= 500 => new SendOutcome.Transient(reason),
            _ => new SendOutcome.Rejected(reason),
        };
    }

    /// <summary>The <c>Retry-After</c> header as a delay, whether given in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d ? (d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;
    }

    /// <summary>The Bot Connector's error body: <c>{"error":{"code":"…","message":"…"}}</c>; nulls when it is anything else.</summary>
    public static (string? Code, string? Message) ReadError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return (StringOf(error, "code"), StringOf(error, "message"));
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
