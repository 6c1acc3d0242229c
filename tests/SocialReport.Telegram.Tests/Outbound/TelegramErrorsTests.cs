using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using SocialReport.Core.Delivery;
using SocialReport.Telegram.Outbound;

namespace SocialReport.Telegram.Tests.Outbound;

public class TelegramErrorsTests
{
    private static SendOutcome? Map(int code, string message, ResponseParameters? parameters = null) =>
        TelegramErrors.ToOutcome(new ApiRequestException(message, code, parameters));

    [Fact]
    public void Flood_control_waits_what_Telegram_says()
    {
        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(17)),
            Map(429, "Too Many Requests: retry after 17", new ResponseParameters { RetryAfter = 17 }));
        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(5)), Map(429, "Too Many Requests: retry after 5"));
    }

    [Fact]
    public void A_reader_who_blocked_the_bot_is_blocked_and_every_other_403_is_gone()
    {
        Assert.IsType<SendOutcome.Blocked>(Map(403, "Forbidden: bot was blocked by the user"));
        Assert.IsType<SendOutcome.Gone>(Map(403, "Forbidden: user is deactivated"));
        Assert.IsType<SendOutcome.Gone>(Map(403, "Forbidden: bot was kicked from the group chat"));
        Assert.IsType<SendOutcome.Gone>(Map(403, "Forbidden: bot is not a member of the channel chat"));
    }

    [Fact]
    public void A_chat_not_found_is_gone_and_a_migrated_group_moved()
    {
        Assert.Equal(new SendOutcome.Gone("400 Bad Request: chat not found"), Map(400, "Bad Request: chat not found"));
        Assert.Equal(new SendOutcome.Moved("-1001234567890"),
            Map(400, "Bad Request: group chat was upgraded to a supergroup chat", new ResponseParameters { MigrateToChatId = -1001234567890 }));
    }

    [Fact]
    public void Unparsable_html_is_rejected_never_retried()
    {
        var outcome = Map(400, "Bad Request: can't parse entities: Unexpected end tag at byte offset 12");

        Assert.Equal(new SendOutcome.Rejected("400 Bad Request: can't parse entities: Unexpected end tag at byte offset 12"), outcome);
    }

    [Fact]
    public void Server_errors_timeouts_and_network_failures_are_transient()
    {
        Assert.IsType<SendOutcome.Transient>(Map(500, "Internal Server Error"));
        Assert.IsType<SendOutcome.Transient>(Map(502, "Bad Gateway"));
        Assert.IsType<SendOutcome.Transient>(TelegramErrors.ToOutcome(new RequestException("Bot API Request timed out", new TaskCanceledException())));
        Assert.IsType<SendOutcome.Transient>(TelegramErrors.ToOutcome(new RequestException("Bot API Service Failure", new HttpRequestException("Connection refused"))));
        Assert.IsType<SendOutcome.Transient>(TelegramErrors.ToOutcome(new HttpRequestException("Connection reset")));
        Assert.Null(TelegramErrors.ToOutcome(new InvalidOperationException("a bug of ours")));
    }

    [Fact]
    public void An_unchanged_edit_is_told_apart_from_a_message_that_cannot_be_edited()
    {
        var notModified = new ApiRequestException("Bad Request: message is not modified: specified new message content and reply markup are exactly the same", 400);
        Assert.True(TelegramErrors.IsNotModified(notModified));
        Assert.False(TelegramErrors.CannotEdit(notModified));
        Assert.True(TelegramErrors.CannotEdit(new ApiRequestException("Bad Request: message to edit not found", 400)));
        Assert.False(TelegramErrors.IsNotModified(new ApiRequestException("Bad Request: chat not found", 400)));
    }

    [Fact]
    public void A_render_error_is_counted()
    {
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RenderErrors.MeterName && instrument.Name == RenderErrors.CounterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        RenderErrors.Record(NullLogger.Instance, 42, "edition 2020-03-06 message 1/1", "400 Bad Request: can't parse entities");

        Assert.Equal(1, Interlocked.Read(ref counted));
    }
}
