using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

/// <summary>
/// The endpoint Telegram posts updates to: checks the secret, drops repeats, keeps the update in the inbox and queues
/// it, and answers at once: a 200 means the update is stored, so a crash after it does not lose it.
/// </summary>
internal static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>A message is at most 4 096 characters (a caption 1 024), with the one it replies to: far below this.</summary>
    public const int MaxUpdateBytes = 256 * 1024;

    public static async Task<IResult> ReceiveAsync(HttpContext context, TelegramUpdateQueue queue, IOptions<TelegramOptions> options, ILoggerFactory loggers)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader], options.Value.WebhookSecret))
        {
            loggers.CreateLogger(typeof(TelegramWebhook)).TelegramWebhookSecretRefused(context.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        if (context.Request.ContentLength > MaxUpdateBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        await using var body = new LimitedMemoryStream(MaxUpdateBytes);
        Update? update;
        try
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            update = JsonSerializer.Deserialize<Update>(body.GetBuffer().AsSpan(0, (int)body.Length), JsonBotAPI.Options);
        }
        catch (IOException) when (body.Overflowed)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null) return Results.BadRequest();
        return await queue.TryEnqueueAsync(update) switch
        {
            Enqueued.Full => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
            Enqueued.TooLarge => Results.StatusCode(StatusCodes.Status413PayloadTooLarge),
            _ => Results.Ok(),
        };
    }

    internal static bool SecretMatches(string? received, string? expected)
    {
        if (string.IsNullOrEmpty(received) || string.IsNullOrEmpty(expected)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));
    }
}
