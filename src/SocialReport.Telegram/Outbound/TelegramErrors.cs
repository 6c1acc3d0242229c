using System.Globalization;
using System.Text.RegularExpressions;
using SocialReport.Core.Delivery;
using Telegram.Bot.Exceptions;

namespace SocialReport.Telegram.Outbound;

/// <summary>The one place where Telegram's errors become the core's <see cref="SendOutcome"/>s (see docs/telegram.md).</summary>
internal static partial class TelegramErrors
{
    /// <summary>The outcome a failed Bot API call stands for, or null when the exception is not the platform's.</summary>
    public static SendOutcome? ToOutcome(Exception exception) => exception switch
    {
        ApiRequestException api => FromApi(api),
        RequestException request => new SendOutcome.Transient(Describe(request)),
        HttpRequestException http => new SendOutcome.Transient($"HTTP: {http.Message}"),
        TimeoutException or TaskCanceledException => new SendOutcome.Transient("timeout"),
        _ => null,
    };

    /// <summary>What a failed deleteMessage stands for, or null when the exception is not the platform's.</summary>
    public static DeleteOutcome? ToDeleteOutcome(Exception exception) => ToOutcome(exception) switch
    {
        null => null,
        SendOutcome.RetryAfter wait => new DeleteOutcome.RetryAfter(wait.Delay),
        SendOutcome.Transient fault => new DeleteOutcome.Transient(fault.Reason),
        _ when exception is ApiRequestException api && Has(api, "message to delete not found") => new DeleteOutcome.Refused(RecallState.NotFound, Describe(api)),
        // "message can't be deleted" (too old, or not an admin where it is), kicked, blocked, chat gone.
        _ => new DeleteOutcome.Refused(RecallState.Forbidden, Describe(exception)),
    };

    /// <summary>An edit that would change nothing: harmless for a pager.</summary>
    public static bool IsNotModified(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message to edit is gone or too old to edit: send a new one instead.</summary>
    public static bool CannotEdit(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && (api.Message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase)
            || api.Message.Contains("message can't be edited", StringComparison.OrdinalIgnoreCase));

    /// <summary>A short, secret-free description of any failure, for logs.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiRequestException api => string.Create(CultureInfo.InvariantCulture, $"{api.ErrorCode} {api.Message}"),
        RequestException { HttpStatusCode: { } status } request => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}: {request.Message}"),
        RequestException request => request.InnerException is { } inner ? $"{request.Message}: {inner.Message}" : request.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static SendOutcome FromApi(ApiRequestException error)
    {
        var reason = Describe(error);
        if (error.ErrorCode == 429)
            return new SendOutcome.RetryAfter(TimeSpan.FromSeconds(Math.Max(1, error.Parameters?.RetryAfter ?? RetryAfterIn(error.Message) ?? 1)));
        if (error.Parameters?.MigrateToChatId is { } newChatId)
            return new SendOutcome.Moved(newChatId.ToString(CultureInfo.InvariantCulture));
        return error.ErrorCode switch
        {
            403 when Has(error, "blocked by the user") => new SendOutcome.Blocked(reason),
            // Deactivated users, kicked from a group, not a member of a channel, can't initiate a conversation.
            403 => new SendOutcome.Gone(reason),
            400 when Has(error, "chat not found") || Has(error, "PEER_ID_INVALID") || Has(error, "group chat was deactivated")
                     || Has(error, "need administrator rights") || Has(error, "not enough rights") => new SendOutcome.Gone(reason),
            400 => new SendOutcome.Rejected(reason),
            _ => new SendOutcome.Transient(reason),
        };
    }

    private static bool Has(ApiRequestException error, string words) => error.Message.Contains(words, StringComparison.OrdinalIgnoreCase);

    private static int? RetryAfterIn(string message) =>
        RetryAfterText().Match(message) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;

    [GeneratedRegex(@"retry after (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex RetryAfterText();
}
