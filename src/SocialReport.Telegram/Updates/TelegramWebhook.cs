using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Updates;

/// <summary>The endpoint Telegram posts updates to: checks the secret, drops repeats, queues, and answers at once.</summary>
internal static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> ReceiveAsync(HttpContext context, TelegramUpdateQueue queue, IOptions<TelegramOptions> options, ILoggerFactory loggers)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader], options.Value.WebhookSecret))
        {
            loggers.CreateLogger(typeof(TelegramWebhook)).LogWarning("Telegram webhook call from {RemoteIp} refused: missing or wrong secret", context.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null) return Results.BadRequest();
        return queue.TryEnqueue(update) == Enqueued.Full ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
    }

    internal static bool SecretMatches(string? received, string? expected)
    {
        if (string.IsNullOrEmpty(received) || string.IsNullOrEmpty(expected)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));
    }
}
