using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

public class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Retry = new(maxAttempts: 3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), new Random(3));

    private static DeliveryRow Pending(int attempts = 0) => new()
    {
        BroadcastId = "2020-03-06#1",
        Chat = new ChatKey("telegram", "42"),
        Attempts = attempts,
        NextAttemptAt = Now.AddMinutes(-1),
        UpdatedAt = Now.AddMinutes(-1),
    };

    [Fact]
    public void Sent_keeps_the_platform_message_id()
    {
        var row = DeliveryRules.Apply(Pending(), new SendOutcome.Sent("m-7"), Now, Retry);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal("m-7", row.MessageId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Now, row.UpdatedAt);
    }

    [Fact]
    public void Retry_after_requeues_at_the_platform_delay_without_counting_an_attempt()
    {
        var row = DeliveryRules.Apply(Pending(attempts: 2), new SendOutcome.RetryAfter(TimeSpan.FromSeconds(7)), Now, Retry);
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(Now.AddSeconds(7), row.NextAttemptAt);
        Assert.Contains("retry after 7 s", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Transient_backs_off_then_fails_after_the_maximum_attempts()
    {
        var first = DeliveryRules.Apply(Pending(), new SendOutcome.Transient("502"), Now, Retry);
        Assert.Equal(DeliveryState.Pending, first.State);
        Assert.Equal(1, first.Attempts);
        Assert.InRange(first.NextAttemptAt - Now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        var second = DeliveryRules.Apply(first, new SendOutcome.Transient("503"), Now, Retry);
        Assert.InRange(second.NextAttemptAt - Now, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        var third = DeliveryRules.Apply(second, new SendOutcome.Transient("timeout"), Now, Retry);
        Assert.Equal(DeliveryState.Failed, third.State);
        Assert.Equal(3, third.Attempts);
        Assert.Equal("timeout", third.LastError);
    }

    [Fact]
    public void Blocked_gone_and_rejected_are_final()
    {
        Assert.Equal(DeliveryState.Blocked, DeliveryRules.Apply(Pending(), new SendOutcome.Blocked("blocked by the user"), Now, Retry).State);
        Assert.Equal(DeliveryState.Gone, DeliveryRules.Apply(Pending(), new SendOutcome.Gone("chat not found"), Now, Retry).State);
        var rejected = DeliveryRules.Apply(Pending(), new SendOutcome.Rejected("can't parse entities"), Now, Retry);
        Assert.Equal(DeliveryState.Failed, rejected.State);
        Assert.Equal("can't parse entities", rejected.LastError);
    }

    [Fact]
    public void Moved_rekeys_the_row_and_makes_it_due_at_once()
    {
        var row = DeliveryRules.Apply(Pending(), new SendOutcome.Moved("-1001234"), Now, Retry);
        Assert.Equal(new ChatKey("telegram", "-1001234"), row.Chat);
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(Now, row.NextAttemptAt);
    }

    [Fact]
    public void Moving_again_and_again_ends_failed()
    {
        var row = DeliveryRules.Apply(Pending(attempts: 2), new SendOutcome.Moved("-1001234"), Now, Retry);
        Assert.Equal(DeliveryState.Failed, row.State);
    }
}
