using System.Globalization;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>What each platform answer does to a delivery row.</summary>
public static class DeliveryRules
{
    public static DeliveryRow Apply(DeliveryRow row, SendOutcome outcome, DateTimeOffset now, RetryPolicy retry)
    {
        var tried = row with { Attempts = row.Attempts + 1, UpdatedAt = now };
        return outcome switch
        {
            SendOutcome.Sent sent => tried with { State = DeliveryState.Sent, MessageId = sent.MessageId, MessageIds = sent.MessageIds, LastError = null },
            // Flood control is the platform asking us to slow down, not a failure of this chat: no attempt counted.
            SendOutcome.RetryAfter wait => row with
            {
                NextAttemptAt = now + wait.Delay,
                LastError = string.Create(CultureInfo.InvariantCulture, $"too many requests: retry after {wait.Delay.TotalSeconds:0.###} s"),
                UpdatedAt = now,
            },
            SendOutcome.Transient fault => Retry(tried with { LastError = fault.Reason }, now, retry),
            SendOutcome.Rejected rejected => tried with { State = DeliveryState.Failed, LastError = rejected.Reason },
            SendOutcome.Blocked blocked => tried with { State = DeliveryState.Blocked, LastError = blocked.Reason },
            SendOutcome.Gone gone => tried with { State = DeliveryState.Gone, LastError = gone.Reason },
            SendOutcome.Moved moved => tried.Attempts >= retry.MaxAttempts
                ? tried with { State = DeliveryState.Failed, LastError = $"moved too many times, last to {moved.NewChatId}" }
                : tried with { Chat = new ChatKey(row.Chat.Channel, moved.NewChatId), NextAttemptAt = now, LastError = $"moved from {row.Chat.Id}" },
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown send outcome."),
        };
    }

    /// <summary>The chat is in its quiet hours: still Pending, tried again when they end, no attempt counted.</summary>
    public static DeliveryRow Hold(DeliveryRow row, DateTimeOffset until, DateTimeOffset now) =>
        row with { NextAttemptAt = until, LastError = string.Create(CultureInfo.InvariantCulture, $"quiet hours until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC"), UpdatedAt = now };

    /// <summary>What stands for an erased chat (<c>/forget</c>) where its id was: on broadcasts it asked for, and before the random part of its rows' ids.</summary>
    public const string Erased = "erased";

    /// <summary>The row of an erased chat: its state under a random id, so that counts stay right; a pending one is not sent.</summary>
    public static DeliveryRow Anonymous(DeliveryRow row) => row with
    {
        Chat = new ChatKey(row.Channel, $"{Erased}-{Guid.NewGuid():N}"),
        State = row.State == DeliveryState.Pending ? DeliveryState.Skipped : row.State,
        LastError = row.State == DeliveryState.Pending ? Erased : null,
        MessageId = null,
        MessageIds = [],
    };

    private static DeliveryRow Retry(DeliveryRow row, DateTimeOffset now, RetryPolicy retry) =>
        retry.DelayAfter(row.Attempts) is { } delay
            ? row with { NextAttemptAt = now + delay }
            : row with { State = DeliveryState.Failed };
}
